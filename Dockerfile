# syntax=docker/dockerfile:1
# The cluster portal in a container (decision 025): built in one stage, run from another that holds only
# the bundled server, its production dependencies and the built web app, as a non-root user.
#
#   docker build -t cluster-portal .
#   docker compose up -d            # with PostgreSQL: see compose.yaml and the README
#
# Without DATABASE_URL the server keeps an embedded database (PGlite) in the /data volume: for trying
# the portal and small single-process installations only.

ARG NODE_IMAGE=node:24-slim

FROM ${NODE_IMAGE} AS build
ENV CI=true
RUN npm install --global --no-audit --no-fund pnpm@12.4.2
WORKDIR /src
# The manifests first, so that a change to the sources does not reinstall the dependencies.
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml .npmrc ./
COPY shared/package.json shared/
COPY db/package.json db/
COPY server/package.json server/
COPY web/package.json web/
COPY tests/package.json tests/
# pnpm's store lives in a build cache mount at a path named here (not pnpm's per-user default).
RUN --mount=type=cache,id=pnpm-store,target=/pnpm-store \
    pnpm install --frozen-lockfile --store-dir=/pnpm-store
COPY . .
# The web app into web/dist, the server bundle into server/dist; then the server package alone with its
# production dependencies (its `files` are dist/) into /out/server.
RUN pnpm build \
 && pnpm --filter @portal/server --prod deploy --legacy /out/server \
 && cp -r web/dist /out/web-dist \
 && cp -r web/dist-server /out/web-dist-server

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data
WORKDIR /app
# Owned by root and read-only for the user the server runs as; only /data is writable.
COPY --from=build /out/server ./server
COPY --from=build /out/web-dist ./web/dist
# The public pages' server rendering (decision 055): one self-contained bundle beside web/dist.
COPY --from=build /out/web-dist-server ./web/dist-server
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 3000
# Liveness only: a database outage shows in /api/health/ready, and must not get the container replaced.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health/live').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node is PID 1 and handles SIGTERM itself: readiness fails, it serves for SHUTDOWN_DELAY_SECONDS, drains
# and exits 0. Give it time to: `docker stop -t 30`, compose's stop_grace_period, Kubernetes'
# terminationGracePeriodSeconds (30 by default).
STOPSIGNAL SIGTERM
CMD ["node", "server/dist/main.js"]
