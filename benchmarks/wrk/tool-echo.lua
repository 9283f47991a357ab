wrk.method = "POST"
wrk.body   = '{"kind": "tool.echo", "params": {"message": "hello"}}'
wrk.headers["Content-Type"] = "application/json"
