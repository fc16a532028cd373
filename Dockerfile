# syntax=docker/dockerfile:1.7
# The project's images, one target each: `backend` (api, worker and the migration job pick their
# command in docker-compose.yml) and `web` (the Next.js booking page). Both run as the unprivileged
# `node` user and carry production dependencies only.
#
# The backend runs TypeScript through tsx (a production dependency of api and worker), exactly as
# `npm run dev` and the tests start it: `node --import tsx <workspace>/src/main.ts`.

# Node 20 is the line the project runs and tests on (package.json engines); the patch release is the
# one the tests run on.
FROM node:20.20.2-bookworm-slim AS base
WORKDIR /app
ENV NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false

# Every workspace's package.json and the lockfile, nothing else: the `npm ci` layers below are then
# rebuilt only when dependencies change, and a new workspace needs no edit here.
FROM base AS manifests
COPY . /context
WORKDIR /context
RUN mkdir /manifests \
 && find . -name package.json -not -path '*/node_modules/*' -exec cp --parents {} /manifests/ \; \
 && cp package-lock.json /manifests/

# Production dependencies of the three back-end entry points and the workspaces they use.
# Install scripts stay off, as in package.json's allowScripts (only embedded-postgres, which the
# images do not use, needs one). The Temporal core bridge ships native builds for five platforms;
# only this one's is kept.
FROM base AS backend-dependencies
COPY --from=manifests /manifests/ ./
RUN npm ci --omit=dev --ignore-scripts --workspace api --workspace worker --workspace database \
 && npm cache clean --force \
 && find node_modules/@temporalio/core-bridge/releases -mindepth 1 -maxdepth 1 -type d \
      ! -name "$(uname -m)-unknown-linux-gnu" -exec rm -rf {} +

FROM base AS backend
ENV NODE_ENV=production
COPY --from=backend-dependencies /app/node_modules ./node_modules
# The root package.json makes the sources ES modules; tsx reads tsconfig.json (decorators for TypeORM).
COPY package.json tsconfig.json ./
# The workspaces api, worker and database depend on, directly or not (deploy-checks verifies the list).
COPY settings settings
COPY tracing tracing
COPY logging logging
COPY mail mail
COPY questionnaire questionnaire
COPY contracts contracts
COPY cal-client cal-client
COPY field-encryption field-encryption
COPY temporal-encryption temporal-encryption
COPY database database
COPY delivery-inbox delivery-inbox
COPY activities activities
COPY workflows workflows
COPY worker worker
COPY api api
# The node image's unprivileged user, by number so that runAsNonRoot-style checks can verify it.
USER 1000:1000
EXPOSE 3001 3002
CMD ["node", "--import", "tsx", "api/src/main.ts"]

# The web app is built with its development dependencies (TypeScript and types for `next build`)…
FROM base AS web-build
COPY --from=manifests /manifests/ ./
RUN npm ci --ignore-scripts --workspace web --include-workspace-root
COPY web web
ENV NEXT_TELEMETRY_DISABLED=1
# The build cache is not needed to serve and would only make the image larger.
RUN npm run build --workspace web \
 && rm -rf web/.next/cache

# …and served with its production dependencies only, less the SWC compiler (@next/swc-*, about
# 140 MB), which only `next build` uses.
FROM base AS web-dependencies
COPY --from=manifests /manifests/ ./
RUN npm ci --omit=dev --ignore-scripts --workspace web \
 && npm cache clean --force \
 && rm -rf node_modules/@next/swc-*

FROM base AS web
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1
COPY --from=web-dependencies /app/node_modules ./node_modules
COPY --from=web-dependencies /app/web/node_modules ./web/node_modules
COPY package.json ./
COPY web/package.json web/next.config.mjs web/server.mjs web/
COPY web/public web/public
COPY --from=web-build /app/web/.next web/.next
WORKDIR /app/web
# The node image's unprivileged user, by number so that runAsNonRoot-style checks can verify it.
USER 1000:1000
EXPOSE 3000
CMD ["node", "server.mjs", "--hostname", "0.0.0.0", "--port", "3000"]
