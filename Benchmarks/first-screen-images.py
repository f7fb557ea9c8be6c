#!/usr/bin/env python3
"""What a visitor on a phone downloads in pictures: opens a product home page of a built fleet in headless
Chromium at a 390-pixel-wide viewport (844 high) and reads the Resource Timing entries of the images it loaded,
split into those on the first screen (above the fold) and all of them (lazy pictures further down are not
fetched until scrolled to, as on a phone). Also prints what the same pictures would weigh as their originals,
which is what the build served before photos had web sizes (docs/benchmarks.md, "Photos").

Usage (from the repository root, after `showroom build`):

    python3 Benchmarks/first-screen-images.py [--site aurora] [--output public] [--scale 1] [--chromium /usr/bin/chromium]
"""
import argparse
import functools
import http.server
import json
import os
import re
import subprocess
import sys
import threading

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Loaded in an iframe of the phone's size; once the page has loaded and settled, the outer page writes the image
# entries into its own DOM, which Chromium's --dump-dom prints.
PROBE = """<!DOCTYPE html><html><body style="margin:0">
<iframe id="page" src="/" width="390" height="844" style="border:0"></iframe>
<pre id="result"></pre>
<script>
const frame = document.getElementById('page');
frame.addEventListener('load', () => setTimeout(() => {
  const inner = frame.contentWindow;
  const shown = new Map();
  for (const img of inner.document.images) {
    const box = img.getBoundingClientRect();
    if (!img.currentSrc) continue;
    const path = new URL(img.currentSrc).pathname, before = shown.get(path);
    if (!before || box.top < before.top) shown.set(path, {above: box.top < 844 && box.bottom > 0 && box.width > 0, top: Math.round(box.top)});
  }
  const images = inner.performance.getEntriesByType('resource')
    .filter(e => e.initiatorType === 'img' || /\\.(avif|webp|jpe?g|png|svg|gif)$/.test(new URL(e.name).pathname))
    .map(e => ({path: new URL(e.name).pathname, bytes: e.encodedBodySize, aboveFold: (shown.get(new URL(e.name).pathname) || {}).above === true, top: (shown.get(new URL(e.name).pathname) || {}).top}));
  document.getElementById('result').textContent = JSON.stringify(images);
}, 1500));
</script></body></html>"""


def serve(folder):
    class Handler(http.server.SimpleHTTPRequestHandler):
        def do_GET(self):
            if self.path == "/__probe.html":
                body = PROBE.encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
            super().do_GET()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=folder))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def original_bytes(path, catalog, files):
    """The size of the original file behind an output name (`aurora-hero.5c2e91d0a7b3.800.webp` → hero.jpg)."""
    name = os.path.basename(path)
    asset = name.split(".")[0]
    match = re.search(rf"^{re.escape(asset)}:\n  file: (.+)$", catalog, re.MULTILINE)
    return os.path.getsize(os.path.join(files, match.group(1))) if match else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", default="aurora")
    parser.add_argument("--output", default=os.path.join(ROOT, "public"))
    parser.add_argument("--scale", default="1", help="device pixel ratio (a phone's is 2 to 3)")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    server = serve(os.path.join(args.output, args.site))
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/__probe.html"
        dom = subprocess.run([args.chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=390,1200",
                              f"--force-device-scale-factor={args.scale}", "--virtual-time-budget=8000", "--dump-dom", url],
                             capture_output=True, text=True, timeout=120).stdout
    finally:
        server.shutdown()
    found = re.search(r'<pre id="result">(.*?)</pre>', dom, re.DOTALL)
    if not found or not found.group(1).strip():
        sys.exit("Chromium did not report the page's images")
    images = json.loads(found.group(1).replace("&quot;", '"').replace("&amp;", "&"))
    with open(os.path.join(ROOT, "assets", "catalog.yaml")) as f:
        catalog = f.read()
    files = os.path.join(ROOT, "assets", "files")
    first = [i for i in images if i["aboveFold"]]
    for image in images:
        print(f"{'first screen' if image['aboveFold'] else 'below      '}  {image['bytes']:>9,} B  top {image.get('top')} px  {image['path']}")
    print(f"site {args.site}, 390 x 844 at device pixel ratio {args.scale}")
    print(f"first screen: {len(first)} images, {sum(i['bytes'] for i in first) / 1000:.0f} KB "
          f"(as originals: {sum(original_bytes(i['path'], catalog, files) for i in first) / 1000:.0f} KB)")
    print(f"loaded in all: {len(images)} images, {sum(i['bytes'] for i in images) / 1000:.0f} KB "
          f"(as originals: {sum(original_bytes(i['path'], catalog, files) for i in images) / 1000:.0f} KB)")


if __name__ == "__main__":
    main()
