// Loads a kansa report in headless Chromium through the DevTools protocol
// and prints what test/cli/report.sh checks, as one JSON object on stdout:
// the console errors and uncaught exceptions, the requests the page made,
// what the DOM holds (heatmap rows and cells, gap rows, scripts, event
// handler attributes, javascript: links, style elements, the title), and
// the screenshot and PDF it wrote.
//
// The protocol runs over --remote-debugging-pipe (file descriptors 3 and 4,
// messages ending in NUL), so no package beyond node itself is needed.
//
//   node browse.js CHROMIUM PAGE.html SHOT.png PAGE.pdf

'use strict';

const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const url = require('url');

const [chromium, htmlPath, pngPath, pdfPath] = process.argv.slice(2);
if (!chromium || !htmlPath || !pngPath || !pdfPath) {
	console.error('usage: node browse.js CHROMIUM PAGE.html SHOT.png PAGE.pdf');
	process.exit(2);
}

const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'kansa-browse-'));
const args = ['--headless', '--disable-gpu', '--no-first-run', '--hide-scrollbars',
	'--remote-debugging-pipe', `--user-data-dir=${profile}`];
if (process.getuid && process.getuid() === 0)
	args.push('--no-sandbox');
args.push('about:blank');

const proc = spawn(chromium, args, { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
let stderr = '';
proc.stderr.on('data', (d) => { stderr += d; });
const toBrowser = proc.stdio[3];
const fromBrowser = proc.stdio[4];

let nextId = 1;
const pending = new Map();
const listeners = [];
let buffer = Buffer.alloc(0);

fromBrowser.on('data', (chunk) => {
	buffer = Buffer.concat([buffer, chunk]);
	let end;
	while ((end = buffer.indexOf(0)) >= 0) {
		const msg = JSON.parse(buffer.subarray(0, end).toString('utf8'));
		buffer = buffer.subarray(end + 1);
		if (msg.id !== undefined && pending.has(msg.id)) {
			const { resolve, reject, method } = pending.get(msg.id);
			pending.delete(msg.id);
			if (msg.error)
				reject(new Error(`${method}: ${msg.error.message}`));
			else
				resolve(msg.result);
		} else if (msg.method) {
			for (const l of listeners)
				l(msg);
		}
	}
});

function send(method, params = {}, sessionId = undefined) {
	const id = nextId++;
	const msg = { id, method, params };
	if (sessionId)
		msg.sessionId = sessionId;
	return new Promise((resolve, reject) => {
		pending.set(id, { resolve, reject, method });
		toBrowser.write(JSON.stringify(msg) + '\0');
	});
}

function waitFor(method, sessionId, ms) {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`timed out waiting for ${method}`)), ms);
		listeners.push((msg) => {
			if (msg.method === method && msg.sessionId === sessionId) {
				clearTimeout(timer);
				resolve(msg.params);
			}
		});
	});
}

// What the page holds, read in the page.
const probe = `(() => {
	const rows = [...document.querySelectorAll('table.heatmap tbody tr')];
	const all = [...document.querySelectorAll('*')];
	return {
		title: document.title,
		lang: document.documentElement.lang,
		pwned: all.filter((e) => e.hasAttribute('data-pwned')).length,
		scripts: document.querySelectorAll('script').length,
		styles: document.querySelectorAll('style').length,
		images: document.images.length,
		frames: document.querySelectorAll('iframe, frame, object, embed').length,
		handlers: all.filter((e) => [...e.attributes].some((a) => /^on/i.test(a.name))).length,
		jsLinks: all.filter((e) => ['href', 'src', 'action', 'formaction', 'xlink:href']
			.some((n) => /^\\s*javascript:/i.test(e.getAttribute(n) || ''))).length,
		bodyDisplay: getComputedStyle(document.body).display,
		heatmapRows: rows.length,
		heatmap: rows.map((tr) => [tr.getAttribute('data-section'), tr.getAttribute('data-controls')]
			.concat([...tr.querySelectorAll('td.cell')].map((td) =>
				td.getAttribute('data-status') + '=' + td.getAttribute('data-count')
				+ (td.firstChild && td.firstChild.textContent === td.getAttribute('data-count') ? '' : '!label')))
			.join('|')),
		gaps: [...document.querySelectorAll('table.gaps tbody tr.gap')].map((tr) =>
			[tr.getAttribute('data-control'), tr.getAttribute('data-severity'),
			 tr.getAttribute('data-gap-kind')].join('|')),
		legend: document.querySelectorAll('#legend .sw').length,
		trend: document.querySelectorAll('#trend svg polyline').length,
		parts: document.querySelectorAll('section.part').length,
		text: document.body.innerText,
	};
})()`;

async function main() {
	const timer = setTimeout(() => { fail(new Error('timed out after 90 s')); }, 90000);
	const { targetId } = await send('Target.createTarget', { url: 'about:blank' });
	const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
	const errors = [];
	const requests = [];
	listeners.push((msg) => {
		if (msg.sessionId !== sessionId)
			return;
		const p = msg.params;
		if (msg.method === 'Runtime.exceptionThrown')
			errors.push('exception: ' + (p.exceptionDetails.exception?.description || p.exceptionDetails.text));
		else if (msg.method === 'Runtime.consoleAPICalled' && ['error', 'assert'].includes(p.type))
			errors.push('console.' + p.type + ': ' + p.args.map((a) => a.value ?? a.description).join(' '));
		else if (msg.method === 'Log.entryAdded' && p.entry.level === 'error')
			errors.push('log (' + p.entry.source + '): ' + p.entry.text);
		else if (msg.method === 'Network.requestWillBeSent')
			requests.push(p.request.url);
	});
	await send('Runtime.enable', {}, sessionId);
	await send('Log.enable', {}, sessionId);
	await send('Network.enable', {}, sessionId);
	await send('Page.enable', {}, sessionId);
	await send('Emulation.setDeviceMetricsOverride',
		{ width: 1200, height: 1500, deviceScaleFactor: 1, mobile: false }, sessionId);
	const loaded = waitFor('Page.loadEventFired', sessionId, 60000);
	const pageUrl = url.pathToFileURL(path.resolve(htmlPath)).href;
	await send('Page.navigate', { url: pageUrl }, sessionId);
	await loaded;
	// let anything queued (a timer an injected script might have set) run
	await new Promise((r) => setTimeout(r, 500));
	const { result } = await send('Runtime.evaluate', { expression: probe, returnByValue: true }, sessionId);
	const shot = await send('Page.captureScreenshot', { format: 'png' }, sessionId);
	fs.writeFileSync(pngPath, Buffer.from(shot.data, 'base64'));
	const pdf = await send('Page.printToPDF',
		{ printBackground: true, preferCSSPageSize: true, displayHeaderFooter: false }, sessionId);
	fs.writeFileSync(pdfPath, Buffer.from(pdf.data, 'base64'));
	// the print style: A4 page breaks between the parts, the header rows
	// (the running one included) repeated on every page
	await send('Emulation.setEmulatedMedia', { media: 'print' }, sessionId);
	const printed = await send('Runtime.evaluate', { returnByValue: true, expression: `(() => {
		const parts = [...document.querySelectorAll('section.part')];
		return {
			breaks: parts.slice(1).filter((e) => getComputedStyle(e).breakBefore === 'page').length,
			parts: parts.length,
			theads: [...document.querySelectorAll('thead')].filter((e) =>
				getComputedStyle(e).display === 'table-header-group').length,
			running: [...document.querySelectorAll('tr.running')].filter((e) =>
				getComputedStyle(e).display === 'table-row').length,
			runningTotal: document.querySelectorAll('tr.running').length,
		};
	})()` }, sessionId);
	await send('Emulation.setEmulatedMedia', { media: '' }, sessionId);
	const out = result.value;
	out.print = printed.result.value;
	out.errors = errors;
	out.requests = requests.filter((u) => u !== pageUrl);
	await send('Browser.close').catch(() => {});
	clearTimeout(timer);
	process.stdout.write(JSON.stringify(out) + '\n');
	finish(0);
}

function finish(code) {
	const done = () => {
		try {
			fs.rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
		} catch (e) { /* a temporary directory left behind */ }
		process.exit(code);
	};
	if (proc.exitCode !== null || proc.signalCode !== null)
		return done();
	proc.once('exit', done);
	setTimeout(done, 5000);
	try { proc.kill('SIGKILL'); } catch (e) { done(); }
}

function fail(err) {
	console.error('browse.js: ' + err.message);
	if (stderr)
		console.error(stderr.split('\n').slice(-10).join('\n'));
	finish(1);
}

proc.on('error', fail);
main().catch(fail);
