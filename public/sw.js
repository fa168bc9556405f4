// Appraise service worker: keeps a copy of the app so it opens with no network.
// scripts/post-build.mjs fills in BUILD, PRECACHE and PACKS for each build, so a new build gets
// a new cache and the old one is deleted when the new worker activates.
const BUILD = "__APPRAISE_BUILD__";
const PRECACHE = ["__APPRAISE_PRECACHE__"];
// Each page's first-visit pack (its modules in one file, scripts/build-web.mjs) and its parts.
const PACKS = { __APPRAISE_PACKS__: [] };
const CACHE = `appraise-${BUILD}`;
const INDEX = new URL("index.html", self.registration.scope).href;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE.map((path) => new URL(path, self.registration.scope).href)))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith("appraise-") && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) {
    return;
  }
  if (request.mode === "navigate") {
    // Any address inside the app is the same single page: fresh from the network when online,
    // the cached copy when not.
    event.respondWith(fetch(request).catch(() => caches.match(INDEX, { cacheName: CACHE })));
    return;
  }
  // A page's pack is put together from the modules already kept, rather than kept twice: one
  // request from the page instead of one per module.
  const parts = PACKS[new URL(request.url).pathname.slice(new URL(self.registration.scope).pathname.length)];
  if (parts) {
    event.respondWith(packFromCache(parts).catch(() => fetch(request)));
    return;
  }
  // Build files have content hashes in their names, so a cached copy is always the right one.
  event.respondWith(caches.match(request, { cacheName: CACHE }).then((cached) => cached || fetch(request)));
});

async function packFromCache(parts) {
  const cache = await caches.open(CACHE);
  const bodies = await Promise.all(
    parts.map(async (part) => {
      const kept = await cache.match(new URL(part, self.registration.scope).href);
      if (!kept) throw new Error(`${part} is not in the offline copy`);
      return kept.arrayBuffer();
    }),
  );
  return new Response(new Blob(bodies), { headers: { "content-type": "application/wasm" } });
}
