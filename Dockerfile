# syntax=docker/dockerfile:1
# The bot's image. Installed with exactly the production install the test suite runs
# (test/e2e/production-install.test.ts): `npm ci --omit=dev`, whose postinstall generates
# the Prisma client and compiles the bot into dist/. Started with what `npm start` execs,
# `node --max-old-space-size=256 --max-semi-space-size=4 dist/src/main.js`, as PID 1 so SIGTERM reaches the bot directly; as the
# unprivileged "node" user. Configuration: environment variables (README, "Configuration").

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY . .
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
# Only what runs: the compiled bot, its dependencies, migrations and demo CSVs (prisma/),
# and package.json (ES modules; it also marks the folder the bot finds prisma/ from).
# Owned by root and read-only to the bot.
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/prisma ./prisma
USER node
EXPOSE 3000
CMD ["node", "--max-old-space-size=256", "--max-semi-space-size=4", "dist/src/main.js"]
