"""A minimal agent for the Sondera tool runtime, Python standard library only.

Run it under policy with:  sondera run python3 examples/agent.py
It asks the runtime (SONDERA_RUNTIME_URL, or AUTONOMY_RUNTIME_URL) to run three tools and
prints each answer. Exits with the code given as its first argument (default 0).
"""
import json
import os
import sys
import urllib.error
import urllib.request


def call_tool(kind, params):
    base_url = (os.environ.get("SONDERA_RUNTIME_URL") or os.environ["AUTONOMY_RUNTIME_URL"]).rstrip("/")
    payload = json.dumps({"kind": kind, "params": params}).encode()
    request = urllib.request.Request(
        f"{base_url}/v1/tool",
        data=payload,
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


for kind, params in [
    ("tool.echo", {"message": "hello"}),
    ("tool.shell", {"command": "rm -rf /"}),
    ("tool.http_get", {"url": "https://example.com/"}),
]:
    status, answer = call_tool(kind, params)
    detail = answer.get("output") if answer["decision"] == "allow" else answer.get("reason")
    print(f"{kind}: {status} {answer['decision']} {json.dumps(detail)} ({answer['policy_ref']})")

sys.exit(int(sys.argv[1]) if len(sys.argv) > 1 else 0)
