// The approvals console. Everything a model or a user wrote is put on the page with
// textContent, never as HTML.
(function () {
	'use strict';
	const base = document.currentScript.src.replace(/\/console\.js(\?.*)?$/, '');
	const FOLD = 300;
	let csrf = {};
	let items = [];

	function text(element, value) {
		element.textContent = (value === null || value === undefined) ? '' : String(value);
		return element;
	}

	function fold(value) {
		if (typeof value === 'string' && value.length > FOLD) {
			return value.substring(0, FOLD) + '… (' + value.length + ' characters)';
		}
		if (Array.isArray(value)) {
			return value.map(fold);
		}
		if (value && typeof value === 'object') {
			const folded = {};
			Object.keys(value).forEach((key) => { folded[key] = fold(value[key]); });
			return folded;
		}
		return value;
	}

	function duration(millis) {
		const seconds = Math.max(0, Math.round(millis / 1000));
		if (seconds < 60) {
			return seconds + ' s';
		}
		const minutes = Math.floor(seconds / 60);
		return minutes < 60 ? minutes + ' min ' + (seconds % 60) + ' s'
			: Math.floor(minutes / 60) + ' h ' + (minutes % 60) + ' min';
	}

	async function call(path, options) {
		const response = await fetch(base + path, Object.assign({ credentials: 'same-origin' }, options || {}));
		if (!response.ok) {
			let message = response.status + ' ' + response.statusText;
			try {
				const body = await response.json();
				message = body.message || body.error || message;
			}
			catch (ignored) {
				// not JSON
			}
			throw new Error(message);
		}
		return response.json();
	}

	function renderPending() {
		const list = document.getElementById('pending');
		const template = document.getElementById('card');
		list.replaceChildren();
		items.forEach((item) => {
			const card = template.content.firstElementChild.cloneNode(true);
			card.dataset.id = item.id;
			text(card.querySelector('.tool'), item.tool || 'model text');
			text(card.querySelector('.stage'), item.stage);
			text(card.querySelector('.agent'), 'agent ' + (item.agent || '?')
				+ (item.conversation ? ', conversation ' + item.conversation : ''));
			text(card.querySelector('.reason'), item.reason);
			const policies = card.querySelector('.policies');
			item.policies.forEach((policy) => {
				const entry = document.createElement('li');
				text(entry, policy.id + (policy.description ? ': ' + policy.description : '')
					+ (policy.escalateTo ? ' (to ' + policy.escalateTo + ')' : ''));
				policies.appendChild(entry);
			});
			text(card.querySelector('.arguments'), item.tool ? JSON.stringify(fold(item.arguments), null, 2)
				: fold(item.text || ''));
			const steps = card.querySelector('.steps ol');
			item.steps.forEach((step) => {
				const entry = document.createElement('li');
				text(entry, step.error ? step.error : step.stage + ' (' + step.role + '): ' + fold(step.content)
					+ ' → ' + step.decision);
				steps.appendChild(entry);
			});
			card.querySelector('.steps').hidden = item.steps.length === 0;
			card.querySelector('.approve').addEventListener('click', () => decide(card, item, 'approve'));
			card.querySelector('.reject').addEventListener('click', () => decide(card, item, 'reject'));
			list.appendChild(card);
		});
		text(document.getElementById('pending-count'), items.length || '');
		document.getElementById('pending-empty').hidden = items.length > 0;
		tick();
	}

	function tick() {
		const now = Date.now();
		document.querySelectorAll('#pending .card').forEach((card) => {
			const item = items.find((candidate) => candidate.id === card.dataset.id);
			if (item) {
				const waited = now - Date.parse(item.askedAt);
				const left = Date.parse(item.timesOutAt) - now;
				text(card.querySelector('.waited'), 'waiting ' + duration(waited) + ', '
					+ (left > 0 ? 'times out in ' + duration(left) : 'timed out: approving lets the same call run next time'));
			}
		});
	}

	async function decide(card, item, decision) {
		card.querySelectorAll('button').forEach((button) => { button.disabled = true; });
		const headers = { 'Content-Type': 'application/json' };
		if (csrf.header) {
			headers[csrf.header] = csrf.token;
		}
		try {
			await call('/api/' + encodeURIComponent(item.id) + '/decision', {
				method: 'POST',
				headers: headers,
				body: JSON.stringify({
					decision: decision,
					comment: card.querySelector('.comment').value || null,
					scope: card.querySelector('.scope').value
				})
			});
			await refresh();
		}
		catch (error) {
			text(card.querySelector('.error'), error.message);
			card.querySelectorAll('button').forEach((button) => { button.disabled = false; });
		}
	}

	async function refreshHistory() {
		const tool = document.getElementById('filter-tool').value.trim();
		const outcome = document.getElementById('filter-outcome').value;
		const query = new URLSearchParams();
		if (tool) {
			query.set('tool', tool);
		}
		if (outcome) {
			query.set('outcome', outcome);
		}
		const decided = await call('/api/history?' + query.toString());
		const body = document.querySelector('#history tbody');
		body.replaceChildren();
		decided.forEach((item) => {
			const row = document.createElement('tr');
			row.dataset.id = item.id;
			[new Date(item.decidedAt).toLocaleString(), item.tool || 'model text',
				JSON.stringify(fold(item.arguments)), item.outcome, item.approver, item.comment, item.scope]
				.forEach((value, index) => {
					const cell = text(document.createElement('td'), value);
					if (index === 3) {
						cell.className = value;
					}
					row.appendChild(cell);
				});
			body.appendChild(row);
		});
	}

	async function refresh() {
		items = await call('/api/pending');
		renderPending();
		await refreshHistory();
	}

	function listen() {
		const events = new EventSource(base + '/api/events');
		events.addEventListener('ready', () => text(document.getElementById('live'), 'live'));
		events.addEventListener('changed', () => refresh());
		events.onerror = () => text(document.getElementById('live'), 'reconnecting…');
	}

	async function start() {
		const session = await call('/api/session');
		csrf = session.csrf || {};
		text(document.getElementById('approver'), 'signed in as ' + session.approver);
		document.getElementById('filters').addEventListener('input', () => refreshHistory());
		document.getElementById('filters').addEventListener('submit', (event) => event.preventDefault());
		await refresh();
		listen();
		setInterval(tick, 1000);
		setInterval(refresh, 15000);
	}

	start().catch((error) => text(document.getElementById('live'), 'error: ' + error.message));
}());
