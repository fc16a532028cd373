# syntax=docker/dockerfile:1.7
# One image for the back-end services (api, worker, migrations); each service picks its command.
# Services run TypeScript through tsx, the same way `npm run dev` and the tests run them.

FROM node:20-bookworm-slim AS dependencies
WORKDIR /app
COPY package.json package-lock.json ./
COPY settings/package.json settings/
COPY logging/package.json logging/
COPY contracts/package.json contracts/
COPY database/package.json database/
COPY activities/package.json activities/
COPY workflows/package.json workflows/
COPY worker/package.json worker/
COPY api/package.json api/
COPY local-stack/package.json local-stack/
COPY cal-emulator/package.json cal-emulator/
COPY integration-tests/package.json integration-tests/
RUN npm ci --no-audit --no-fund --workspace api --workspace worker --workspace database --include-workspace-root \
 && npm cache clean --force

FROM node:20-bookworm-slim AS backend
ENV NODE_ENV=production
WORKDIR /app
COPY --from=dependencies /app/node_modules ./node_modules
COPY package.json tsconfig.json ./
COPY settings settings
COPY logging logging
COPY contracts contracts
COPY database database
COPY activities activities
COPY workflows workflows
COPY worker worker
COPY api api
USER node
EXPOSE 3001
CMD ["node", "--import", "tsx", "api/src/main.ts"]
