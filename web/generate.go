package web

// Rebuilds ui/ from ui-src/ with the npm packages pinned in
// ui-src/package-lock.json; ui/ is committed so that building dyad needs no
// Node.
//go:generate sh -c "cd ui-src && npm ci --no-audit --no-fund --omit-lockfile-registry-resolved && node build.mjs"
