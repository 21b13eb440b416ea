import { db } from "ponder:api";
import schema from "ponder:schema";
import { Hono } from "hono";
import { client } from "ponder";
import { parseIndexerOptions } from "../../options";
import { keepStatistics } from "./statistics";

// Read-only SQL over HTTP (@ponder/client), what the app's indexer read side (lib/data/indexer/) queries.
// Ponder itself serves /health, /ready (200 once the backfill is done) and /status (the last indexed block).
const app = new Hono();
app.use("/sql/*", client({ db, schema }));
if (!parseIndexerOptions(process.env).databaseUrl) keepStatistics();

export default app;
