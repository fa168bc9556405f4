// Appraise service worker: keeps a copy of the app so it opens with no network.
// scripts/post-build.mjs fills in BUILD and PRECACHE for each build, so a new build gets a new
// cache and the old one is deleted when the new worker activates.
const BUILD = "__APPRAISE_BUILD__";
const PRECACHE = ["__APPRAISE_PRECACHE__"];
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
  // Build files have content hashes in their names, so a cached copy is always the right one.
  event.respondWith(caches.match(request, { cacheName: CACHE }).then((cached) => cached || fetch(request)));
});
