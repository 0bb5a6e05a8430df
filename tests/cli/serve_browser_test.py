#!/usr/bin/env python3
"""The desk's page in a real browser: `onoma serve` on an ephemeral port
with a small store, driven by headless Chromium over the DevTools protocol
(Python's standard library only: a minimal WebSocket client below).

Checks what a user sees: the renderings shown for /?q=Kiev, the memory
lookup shown for /?tm=..., a paragraph pasted into the normalize box and
its result, the interface in Ukrainian and Korean, that a term whose note
holds <script> and <img onerror> is shown as text and runs nothing, and,
with --allow-edit, a status changed and a rendering added on the page.
A screenshot of each view is kept in --out (the build directory).

Exit 0: passed; 1: failed; 77: skipped (no chromium), which CTest reports
as skipped, except under CI=true, where a missing chromium fails.

  serve_browser_test.py --onoma build/debug/onoma --out build/debug/serve-screenshots
"""

import argparse
import base64
import json
import os
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

SKIP = 77

HOSTILE_NOTE = ('<script>window.pwned=1</script>'
                '<img src=x onerror="window.pwned=2">')


class WebSocket:
    """Just enough of RFC 6455 for the DevTools protocol: text frames,
    masked from the client, any length, continuation frames joined."""

    def __init__(self, url):
        parsed = urllib.parse.urlparse(url)
        self.sock = socket.create_connection((parsed.hostname, parsed.port),
                                             timeout=60)
        key = base64.b64encode(os.urandom(16)).decode()
        request = (f'GET {parsed.path} HTTP/1.1\r\n'
                   f'Host: {parsed.hostname}:{parsed.port}\r\n'
                   'Upgrade: websocket\r\nConnection: Upgrade\r\n'
                   f'Sec-WebSocket-Key: {key}\r\n'
                   'Sec-WebSocket-Version: 13\r\n\r\n')
        self.sock.sendall(request.encode())
        head = b''
        while b'\r\n\r\n' not in head:
            chunk = self.sock.recv(1)
            if not chunk:
                raise RuntimeError('DevTools closed the connection')
            head += chunk
        if b' 101 ' not in head.split(b'\r\n')[0]:
            raise RuntimeError('DevTools refused the WebSocket: ' +
                               head.decode(errors='replace'))

    def _exactly(self, n):
        data = b''
        while len(data) < n:
            chunk = self.sock.recv(n - len(data))
            if not chunk:
                raise RuntimeError('DevTools closed the connection')
            data += chunk
        return data

    def send(self, text):
        payload = text.encode()
        header = bytes([0x81])
        n = len(payload)
        if n < 126:
            header += bytes([0x80 | n])
        elif n < 1 << 16:
            header += bytes([0x80 | 126]) + struct.pack('>H', n)
        else:
            header += bytes([0x80 | 127]) + struct.pack('>Q', n)
        mask = os.urandom(4)
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        self.sock.sendall(header + mask + masked)

    def receive(self):
        message = b''
        while True:
            first, second = self._exactly(2)
            n = second & 0x7F
            if n == 126:
                n = struct.unpack('>H', self._exactly(2))[0]
            elif n == 127:
                n = struct.unpack('>Q', self._exactly(8))[0]
            payload = self._exactly(n)
            opcode = first & 0x0F
            if opcode == 0x8:
                raise RuntimeError('DevTools closed the WebSocket')
            if opcode in (0x9, 0xA):  # ping, pong
                continue
            message += payload
            if first & 0x80:
                return message.decode()


class Page:
    """One browser tab, driven through the DevTools protocol."""

    def __init__(self, ws_url):
        self.ws = WebSocket(ws_url)
        self.next_id = 0

    def call(self, method, **params):
        self.next_id += 1
        self.ws.send(json.dumps({'id': self.next_id, 'method': method,
                                 'params': params}))
        while True:
            message = json.loads(self.ws.receive())
            if message.get('id') == self.next_id:
                if 'error' in message:
                    raise RuntimeError(f'{method}: {message["error"]}')
                return message.get('result', {})

    def evaluate(self, expression):
        result = self.call('Runtime.evaluate', expression=expression,
                           returnByValue=True, awaitPromise=True)
        if 'exceptionDetails' in result:
            raise RuntimeError(f'{expression}: {result["exceptionDetails"]}')
        return result['result'].get('value')

    def wait_ready(self, timeout=60):
        """Until the page says nothing is pending (body data-state)."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            state = self.evaluate(
                'document.body ? document.body.dataset.state : ""')
            if state == 'ready':
                return
            time.sleep(0.1)
        raise RuntimeError('the page never became ready')

    def open(self, url):
        self.call('Page.navigate', url=url)
        time.sleep(0.2)
        self.wait_ready()

    def screenshot(self, path):
        shot = self.call('Page.captureScreenshot', format='png',
                         captureBeyondViewport=True)
        with open(path, 'wb') as f:
            f.write(base64.b64decode(shot['data']))


def run(args, **kwargs):
    return subprocess.run(args, check=True, capture_output=True, **kwargs)


def make_store(onoma, db):
    def term(slug, lang, form, status='preferred', kind='place', note=None):
        extra = ['--note', note] if note else []
        run([onoma, '--db', db, 'term', 'add', slug, lang, form,
             '--status', status, '--type', kind] + extra)
    term('kyiv', 'en', 'Kyiv', note='capital of Ukraine')
    term('kyiv', 'en', 'Kiev', 'deprecated',
         note='Russian-based spelling; AP switched to Kyiv in 2019')
    term('kyiv', 'uk', 'Київ')
    term('kyiv', 'ko', '키이우')
    term('kyiv', 'ko', '키예프', 'deprecated')
    term('kharkiv', 'en', 'Kharkiv')
    term('kharkiv', 'en', 'Kharkov', 'deprecated')
    term('kharkiv', 'uk', 'Харків')
    term('kharkiv', 'ko', '하르키우')
    term('odesa', 'en', 'Odesa')
    term('odesa', 'en', 'Odessa', 'deprecated')
    term('odesa', 'uk', 'Одеса')
    term('scriptville', 'en', 'Scriptville', kind='other', note=HOSTILE_NOTE)
    for en, uk in [
            ('Shelling in Kharkiv on Monday killed 5 people.',
             'Обстріл у Харкові в понеділок убив 5 людей.'),
            ('Kyiv said on Monday it had shot down 40 drones.',
             'Київ заявив у понеділок, що збив 40 дронів.')]:
        run([onoma, '--db', db, 'tm', 'add', '--from', 'en', '--to', 'uk',
             en, uk])


def start_chromium(chromium, profile):
    process = subprocess.Popen(
        [chromium, '--headless=new', '--no-sandbox', '--disable-gpu',
         '--disable-dev-shm-usage',
         '--no-first-run', '--no-default-browser-check', '--lang=en-US',
         '--hide-scrollbars', '--window-size=1200,860',
         '--remote-debugging-port=0', f'--user-data-dir={profile}',
         'about:blank'],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    port_file = os.path.join(profile, 'DevToolsActivePort')
    deadline = time.time() + 60
    while time.time() < deadline:
        if os.path.exists(port_file):
            with open(port_file) as f:
                lines = f.read().split('\n')
            if lines and lines[0].strip():
                port = int(lines[0])
                with urllib.request.urlopen(
                        f'http://127.0.0.1:{port}/json/list') as r:
                    targets = json.load(r)
                pages = [t for t in targets if t.get('type') == 'page']
                if pages:
                    return process, pages[0]['webSocketDebuggerUrl']
        if process.poll() is not None:
            raise RuntimeError('chromium exited at start')
        time.sleep(0.1)
    raise RuntimeError('chromium did not open its DevTools port')


class Checks:
    def __init__(self):
        self.failures = []

    def expect(self, condition, what):
        print(('ok   ' if condition else 'FAIL ') + what, flush=True)
        if not condition:
            self.failures.append(what)


def test_page(page, url, out, checks):
    # Names: /?q=Kiev runs on load and shows every rendering.
    page.open(url + '?q=Kiev')
    concepts = page.evaluate(
        '[...document.querySelectorAll("#term-result .concept")]'
        '.map(c => c.dataset.slug)')
    checks.expect(concepts == ['kyiv'], f'/?q=Kiev shows kyiv ({concepts})')
    rows = page.evaluate(
        '[...document.querySelectorAll("#term-result tr.term")].map(r => '
        '[r.dataset.lang, r.querySelector(".form").textContent, '
        'r.querySelector(".status").textContent])')
    checks.expect(['en', 'Kyiv', 'preferred'] in rows and
                  ['en', 'Kiev', 'deprecated'] in rows and
                  ['uk', 'Київ', 'preferred'] in rows and
                  ['ko', '키이우', 'preferred'] in rows,
                  f'the renderings of Kyiv are listed with their status '
                  f'({rows})')
    checks.expect(page.evaluate('document.getElementById("term-q").value')
                  == 'Kiev', 'the query stays in the search box')
    page.screenshot(os.path.join(out, 'names.png'))

    # Inflected Ukrainian finds the same concept.
    page.open(url + '?q=' + urllib.parse.quote('Києві'))
    concepts = page.evaluate(
        '[...document.querySelectorAll("#term-result .concept")]'
        '.map(c => c.dataset.slug)')
    checks.expect(concepts[:1] == ['kyiv'], f'/?q=Києві shows kyiv ({concepts})')

    # A note that is markup is shown as text and runs nothing.
    page.open(url + '?q=Scriptville')
    note = page.evaluate(
        'document.querySelector("#term-result td.note").textContent')
    checks.expect(HOSTILE_NOTE in (note or ''),
                  f'the note is shown as the text it is ({note!r})')
    checks.expect(page.evaluate('typeof window.pwned') == 'undefined',
                  'the note ran no script')
    checks.expect(page.evaluate(
        'document.querySelectorAll("#term-result img, #term-result script")'
        '.length') == 0, 'the note made no element')
    page.screenshot(os.path.join(out, 'markup-as-text.png'))

    # Memory lookup: /?tm=...&from=en&to=uk runs on load.
    sentence = 'Shelling in Kyiv on Monday killed 7 people.'
    page.open(url + '?' + urllib.parse.urlencode(
        {'tm': sentence, 'from': 'en', 'to': 'uk'}))
    match = page.evaluate(
        '(() => { const m = document.querySelector("#tm-result .match");'
        ' return m && [m.querySelector(".score").textContent,'
        ' m.querySelector(".target").textContent,'
        ' [...m.querySelectorAll(".target mark")].map(x => x.textContent),'
        ' [...m.querySelectorAll(".source mark")].map(x => x.textContent)];'
        ' })()')
    checks.expect(match is not None and match[0].endswith('%'),
                  f'the memory match is shown with its score ({match})')
    if match:
        checks.expect('Обстріл у Києві в понеділок убив 7 людей.' in match[1],
                      f'the proposed target has the name and number '
                      f'substituted ({match[1]!r})')
        checks.expect(set(match[2]) == {'Києві', '7'},
                      f'the substitutions are highlighted ({match[2]})')
        checks.expect('Kharkiv' in match[3] and '5' in match[3],
                      f'the differing words are highlighted ({match[3]})')
    checks.expect(page.evaluate('!document.getElementById("memory").hidden'),
                  'the memory tab is shown')
    page.screenshot(os.path.join(out, 'memory.png'))

    # Normalize: a paragraph pasted into the box.
    page.open(url + '#normalize')
    paragraph = ("Shelling hit Kharkov and Kiev's suburbs overnight.\n"
                 'Ships left Odessa at dawn.')
    page.evaluate('document.getElementById("norm-text").focus()')
    page.call('Input.insertText', text=paragraph)
    page.evaluate('document.querySelector("#norm-form button[type=submit]")'
                  '.click()')
    time.sleep(0.2)
    page.wait_ready()
    result = page.evaluate(
        'document.getElementById("norm-output").textContent')
    checks.expect(result == "Shelling hit Kharkiv and Kyiv's suburbs "
                  'overnight.\nShips left Odesa at dawn.',
                  f'the normalized paragraph is shown ({result!r})')
    marks = page.evaluate(
        '[...document.querySelectorAll("#norm-output mark")]'
        '.map(m => [m.textContent, m.title])')
    checks.expect([m[0] for m in marks] == ['Kharkiv', "Kyiv's", 'Odesa'],
                  f'each change is highlighted ({marks})')
    checks.expect(all('deprecated' in m[1] for m in marks),
                  'each highlight says its reason')
    checks.expect(page.evaluate(
        '!document.getElementById("norm-copy").disabled'),
        'the copy button is ready')
    page.evaluate('document.getElementById("rom-q").value = "윤석열"; '
                  'document.getElementById("rom-kind").value = "name"; '
                  'document.querySelector("#rom-form button[type=submit]")'
                  '.click()')
    time.sleep(0.2)
    page.wait_ready()
    romanized = page.evaluate(
        'document.querySelector("#rom-result .romanized").textContent')
    checks.expect(romanized == 'Yun Seok-yeol',
                  f'a Korean name is romanized ({romanized!r})')
    page.screenshot(os.path.join(out, 'normalize.png'))

    # The interface in Ukrainian and in Korean, switched on the page.
    page.open(url + '?q=' + urllib.parse.quote('키예프'))
    for lang, tab, status in [('uk', 'Назви', 'рекомендований'),
                              ('ko', '이름', '권장')]:
        page.evaluate(
            f'(() => {{ const s = document.getElementById("ui-lang");'
            f' s.value = "{lang}";'
            f' s.dispatchEvent(new Event("change")); }})()')
        time.sleep(0.2)
        page.wait_ready()
        label = page.evaluate(
            'document.querySelector("#tabs button").textContent')
        shown = page.evaluate(
            'document.querySelector("#term-result .status").textContent')
        checks.expect(label == tab and shown == status,
                      f'the interface speaks {lang} ({label}, {shown})')
        page.screenshot(os.path.join(out, f'names-{lang}.png'))
    # The choice is remembered; English again for whoever comes next.
    page.evaluate('localStorage.removeItem("onoma.lang")')


def test_edit(page, url, out, checks):
    """With --allow-edit: a status changed and a rendering added on the
    page, as `onoma term edit` and `term add` would."""
    page.open(url + '?q=Odessa')
    page.evaluate(
        '(() => { const row = [...document.querySelectorAll("tr.term")]'
        '.find(r => r.querySelector(".form").textContent === "Odessa");'
        ' const s = row.querySelector("select"); s.value = "admitted";'
        ' s.dispatchEvent(new Event("change")); })()')
    time.sleep(0.2)
    page.wait_ready()
    rows = page.evaluate(
        '[...document.querySelectorAll("#term-result tr.term")].map(r => '
        '[r.dataset.lang, r.querySelector(".form").textContent, '
        'r.querySelector("select").value])')
    checks.expect(['en', 'Odessa', 'admitted'] in rows,
                  f'a status is changed from the page ({rows})')
    page.evaluate(
        '(() => { const f = document.querySelector("#term-result form.edit");'
        ' const [lang, form] = f.querySelectorAll("input");'
        ' lang.value = "de"; form.value = "Odessa";'
        ' f.querySelector("select").value = "preferred";'
        ' f.querySelector("button").click(); })()')
    time.sleep(0.2)
    page.wait_ready()
    rows = page.evaluate(
        '[...document.querySelectorAll("#term-result tr.term")].map(r => '
        '[r.dataset.lang, r.querySelector(".form").textContent, '
        'r.querySelector("select").value])')
    checks.expect(['de', 'Odessa', 'preferred'] in rows,
                  f'a rendering is added from the page ({rows})')
    # The same checks as the command: a second preferred German form is
    # refused, with the store's reason shown.
    page.evaluate(
        '(() => { const f = document.querySelector("#term-result form.edit");'
        ' const [lang, form] = f.querySelectorAll("input");'
        ' lang.value = "de"; form.value = "Odesa";'
        ' f.querySelector("select").value = "preferred";'
        ' f.querySelector("button").click(); })()')
    time.sleep(0.2)
    page.wait_ready()
    error = page.evaluate(
        '(document.querySelector("#term-result .error") || {}).textContent')
    checks.expect(bool(error) and 'preferred' in error,
                  f'a second preferred form is refused ({error!r})')
    page.screenshot(os.path.join(out, 'edit.png'))


def start_server(onoma, db, *extra):
    server = subprocess.Popen([onoma, '--db', db, 'serve', '--port', '0',
                               *extra],
                              stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL,
                              env=dict(os.environ, LANG='C'), text=True)
    return server, server.stdout.readline().strip()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--onoma', required=True)
    parser.add_argument('--out', required=True)
    args = parser.parse_args()

    chromium = (os.environ.get('CHROMIUM') or shutil.which('chromium') or
                shutil.which('chromium-browser'))
    if not chromium:
        if os.environ.get('CI') == 'true':
            print('FAIL chromium is not installed, and CI=true needs this '
                  'test (tools/setup-deps.sh --with-tests installs it)')
            return 1
        print('skipped: chromium is not installed '
              '(apt-get install chromium fonts-nanum)')
        return SKIP

    os.makedirs(args.out, exist_ok=True)
    work = tempfile.mkdtemp(prefix='onoma_browser_')
    server = browser = None
    checks = Checks()
    try:
        db = os.path.join(work, 'desk.db')
        make_store(args.onoma, db)
        server, url = start_server(args.onoma, db)
        if not url.startswith('http://127.0.0.1:'):
            print(f'FAIL onoma serve printed no URL ({url!r})')
            return 1
        browser, ws_url = start_chromium(chromium,
                                         os.path.join(work, 'profile'))
        page = Page(ws_url)
        page.call('Page.enable')
        page.call('Runtime.enable')
        test_page(page, url, args.out, checks)
        editor, edit_url = start_server(args.onoma, db, '--allow-edit')
        try:
            test_edit(page, edit_url, args.out, checks)
        finally:
            editor.terminate()
            checks.expect(editor.wait(timeout=20) == 0,
                          'onoma serve --allow-edit stopped cleanly')
    finally:
        for process in (browser, server):
            if process is not None and process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    process.kill()
        shutil.rmtree(work, ignore_errors=True)
    if server is not None and server.returncode not in (0, None):
        checks.expect(False, f'onoma serve stopped cleanly '
                      f'(exit {server.returncode})')
    print(f'screenshots in {args.out}')
    if checks.failures:
        print(f'{len(checks.failures)} checks failed')
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
