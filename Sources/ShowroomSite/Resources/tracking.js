/* Showroom tracking snippet: see docs/collector.md */
(function (w, d, n) {
  var noop = function () {}, vid = '', pending = '', K = 'showroom.v', C = 'showroom.c', P = '_sv';
  w.showroomTrack = w.showroomConsent = noop;
  w.showroomVisitor = function () { return vid; };
  try {
    var s = d.currentScript || d.querySelector('script[data-showroom-tracking]'), c = s.dataset;
    var site = c.site, col = (c.collector || '').replace(/\/+$/, ''), fleet = (c.fleet || '').split(',');
    var required = c.consent == 'required', loc = w.location, ok = /^[\w-]{16,64}$/;
    var now = function () { return Math.floor(Date.now() / 1000); };
    // Campaign parameters and a handed-over id leave the address bar whatever happens next (Do Not Track too),
    // so they are never shared on; the campaign goes with this page view, and only with it.
    var u = new URL(loc.href), q = u.searchParams, sv = q.get(P), land = {}, moved = sv != null, r = '';
    ('utm_source,utm_medium,utm_campaign,utm_content,utm_term,' + (c.clickIds || '')).split(',').forEach(function (k) {
      if (k && q.has(k)) { land[k] = q.get(k); q['delete'](k); moved = 1; }
    });
    if (sv != null) {
      var part = sv.split('.');
      if (ok.test(part[0]) && +part[1] >= now() && +part[1] <= now() + 300) pending = part[0];
      q['delete'](P);
    }
    if (moved) try { w.history.replaceState(w.history.state, '', u.href); } catch (e) {}
    try { r = new URL(d.referrer).hostname; } catch (e) {}
    if (moved || r != loc.hostname) land.ref = r;
    if (!site || !col || n.doNotTrack == '1' || w.doNotTrack == '1' || n.globalPrivacyControl) return;

    var ls = function (k, v) {
      try { var l = w.localStorage; return v == null ? l.getItem(k) || '' : v ? l.setItem(k, v) : l.removeItem(k); } catch (e) { return ''; }
    };
    var newID = function () {
      var b = w.crypto.getRandomValues(new Uint8Array(12)), t = '', i = 0;
      for (; i < 12; i++) t += (b[i] + 256).toString(16).slice(1);
      return t;
    };
    var adopt = function () { vid = pending || ls(K) || newID(); if (!ok.test(vid)) vid = newID(); ls(K, vid); };

    if (required ? ls(C) == '1' : ls(C) != '0') adopt();

    var send = function (type, details) {
      var e = { site: site, type: type, page: loc.pathname.slice(0, 500), ts: Date.now() }, k;
      if (vid) e.visitor = vid;
      for (k in details || {}) /^(asset|url|step|field|ref|utm_\w+)$/.test(k) ? e[k] = String(details[k]).slice(0, 2000)
        : type == 'pageview' && (e.click = (k + '=' + details[k]).slice(0, 300));
      var body = JSON.stringify(e), url = col + '/events';
      if (!(n.sendBeacon && n.sendBeacon(url, body))) w.fetch(url, { method: 'POST', body: body, keepalive: true, credentials: 'omit' })['catch'](noop);
    };

    var click = function (ev) {
      try {
        var a = ev.target.closest && ev.target.closest('a[href]'), h;
        if (!a) return;
        h = new URL(a.href, loc.href);
        if (a.hasAttribute('data-asset')) {
          send('download_click', { asset: a.getAttribute('data-asset') });
          h.searchParams.set('page', loc.pathname);
          if (vid) h.searchParams.set('v', vid);
          a.href = h.href;
        } else if (/^https?:$/.test(h.protocol) && h.hostname != loc.hostname) {
          send('outbound_click', { url: h.origin + h.pathname });
          if (vid && fleet.indexOf(h.hostname) >= 0) {
            h.searchParams.set(P, vid + '.' + (now() + 120));
            a.href = h.href;
          }
        }
      } catch (e) {}
    };
    d.addEventListener('click', click, true);
    d.addEventListener('auxclick', click, true);

    w.showroomTrack = function (type, details) {
      try { if (/^booking_\w+$/.test(type)) send(type, details); } catch (e) {}
    };
    w.showroomConsent = function (given) {
      try {
        ls(C, given ? '1' : '0');
        given ? adopt() : (ls(K, ''), vid = '');
      } catch (e) {}
    };
    send('pageview', land);
  } catch (e) {}
})(window, document, navigator);
