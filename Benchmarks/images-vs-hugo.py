#!/usr/bin/env python3
"""Resizes the same photos to the same widths as WebP with Showroom and with Hugo, in the same run, and prints
megapixels per second for each and the ratio (docs/benchmarks.md, "Photos").

The photos are the example fleet's raster heroes and night shots (assets/files/models/*/*.jpg, 3,200 and
4,200 pixels wide). Each tool starts cold every round (no cache: Showroom's .showroom/ and Hugo's resources/ are
removed first) and makes every width narrower than the photo:

- Showroom: a one-page workspace whose home page shows every photo (`![…](asset:…)`), with
  `images: {widths: […], avif: false}` in showroom.yaml. Showroom also writes each width's JPEG fallback, which
  Hugo is not asked for: its figure includes that extra encoding.
- Hugo (Debian's /usr/bin/hugo, not whatever `hugo` is on PATH): a site whose home template calls
  `.Resize "<width>x webp q78"` on each photo (resources.Match), the same quality as Showroom's WebP.

Throughput counts megapixels of output written per second of wall time (each width's pixels once), the same
sum for both tools. Usage (from the repository root, after scripts/build.sh):

    python3 Benchmarks/images-vs-hugo.py [--runs 3] [--showroom .build/release/showroom] [--hugo /usr/bin/hugo]
"""
import argparse
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WIDTHS = [480, 800, 1200, 1600, 2400]


def size_of(path):
    out = subprocess.run(["vipsheader", "-f", "width", path], capture_output=True, text=True, check=True).stdout
    width = int(out)
    height = int(subprocess.run(["vipsheader", "-f", "height", path], capture_output=True, text=True, check=True).stdout)
    return width, height


def output_megapixels(photos):
    total = 0
    for _, (width, height) in photos:
        for target in [w for w in WIDTHS if w < width] + ([width] if width < max(WIDTHS) else []):
            total += target * round(height * target / width)
    return total / 1e6


def showroom_workspace(folder, photos):
    files = os.path.join(folder, "assets", "files", "photos")
    os.makedirs(files)
    catalog, body = [], []
    for index, (path, _) in enumerate(photos):
        name = f"photo-{index:02d}"
        shutil.copy(path, os.path.join(files, name + ".jpg"))
        catalog.append(f"{name}:\n  file: photos/{name}.jpg\n  title: Photo {index}\n  kind: photo\n  cost: 0\n")
        body.append(f"![Photo {index}](asset:{name})")
    with open(os.path.join(folder, "assets", "catalog.yaml"), "w") as f:
        f.write("".join(catalog))
    with open(os.path.join(folder, "showroom.yaml"), "w") as f:
        f.write(f"images:\n  widths: {json.dumps(WIDTHS)}\n  avif: false\n")
    templates = os.path.join(folder, "templates", "base")
    os.makedirs(templates)
    page = "<!DOCTYPE html><html><head><title>{{page.title}}</title></head><body>{{{page.content}}}</body></html>\n"
    for name in ["home", "section", "page", "404"]:
        with open(os.path.join(templates, name + ".mustache"), "w") as f:
            f.write(page)
    shutil.copy(os.path.join(ROOT, "templates", "base", "partials", "picture.mustache"), templates)
    content = os.path.join(folder, "sites", "photos", "content")
    os.makedirs(content)
    with open(os.path.join(folder, "sites", "photos", "site.yaml"), "w") as f:
        f.write("title: Photos\nkind: brand\nbaseURL: https://photos.example.com/\nlocale: en\nbooking: false\n")
    with open(os.path.join(content, "_index.md"), "w") as f:
        f.write("---\ntitle: Photos\n---\n" + "\n\n".join(body) + "\n")


def hugo_site(folder, photos):
    os.makedirs(os.path.join(folder, "assets", "photos"))
    for index, (path, _) in enumerate(photos):
        shutil.copy(path, os.path.join(folder, "assets", "photos", f"photo-{index:02d}.jpg"))
    with open(os.path.join(folder, "config.toml"), "w") as f:
        f.write('baseURL = "https://photos.example.com/"\ntitle = "Photos"\n'
                'disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404", "section", "page"]\n')
    os.makedirs(os.path.join(folder, "layouts"))
    widths = " ".join(str(w) for w in WIDTHS)
    with open(os.path.join(folder, "layouts", "index.html"), "w") as f:
        f.write("<!DOCTYPE html><html><body>{{ range resources.Match \"photos/*.jpg\" }}{{ $photo := . }}"
                "{{ range (slice " + widths + ") }}{{ if lt . $photo.Width }}"
                "{{ $small := $photo.Resize (printf \"%dx webp q78\" .) }}<img src=\"{{ $small.RelPermalink }}\">"
                "{{ end }}{{ end }}{{ if lt $photo.Width " + str(max(WIDTHS)) + " }}"
                "{{ $own := $photo.Resize (printf \"%dx webp q78\" $photo.Width) }}<img src=\"{{ $own.RelPermalink }}\">"
                "{{ end }}{{ end }}</body></html>\n")


def timed(command, cwd):
    started = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"`{' '.join(command)}` failed:\n{result.stdout}\n{result.stderr}")
    return time.perf_counter() - started


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--showroom", default=os.path.join(ROOT, ".build", "release", "showroom"))
    parser.add_argument("--hugo", default="/usr/bin/hugo")
    args = parser.parse_args()
    photos = [(path, size_of(path)) for path in sorted(glob.glob(os.path.join(ROOT, "assets", "files", "models", "*", "*.jpg")))]
    megapixels = output_megapixels(photos)
    input_megapixels = sum(w * h for _, (w, h) in photos) / 1e6
    scratch = tempfile.mkdtemp(prefix="showroom-images-bench-")
    results = {"showroom": [], "hugo": []}
    try:
        showroom_workspace(os.path.join(scratch, "showroom"), photos)
        hugo_site(os.path.join(scratch, "hugo"), photos)
        for run in range(args.runs):
            for tool in ["showroom", "hugo"]:
                folder = os.path.join(scratch, tool)
                if tool == "showroom":
                    shutil.rmtree(os.path.join(folder, ".showroom"), ignore_errors=True)
                    shutil.rmtree(os.path.join(folder, "public"), ignore_errors=True)
                    seconds = timed([args.showroom, "build", "--workspace", folder, "--quiet"], folder)
                else:
                    for cached in ["resources", "public"]:
                        shutil.rmtree(os.path.join(folder, cached), ignore_errors=True)
                    cache_dir = os.path.join(scratch, "hugo-cache")
                    shutil.rmtree(cache_dir, ignore_errors=True)
                    seconds = timed([args.hugo, "--quiet", "--noBuildLock", "--cacheDir", cache_dir, "-s", folder], folder)
                results[tool].append(seconds)
                print(f"round {run + 1}: {tool} {seconds:.1f} s", file=sys.stderr)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    best = {tool: min(times) for tool, times in results.items()}
    print(f"{len(photos)} photos, {input_megapixels:.0f} megapixels in, widths {WIDTHS}, {megapixels:.0f} megapixels of WebP out")
    print(f"{'tool':10} {'best s':>8} {'MP/s':>8}")
    for tool in ["showroom", "hugo"]:
        print(f"{tool:10} {best[tool]:8.1f} {megapixels / best[tool]:8.1f}")
    print(f"Showroom / Hugo throughput: {best['hugo'] / best['showroom']:.2f}x (Showroom also writes a JPEG of every width)")


if __name__ == "__main__":
    main()
