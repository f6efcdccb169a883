/**
 * What the API works with, opened once at start: the database (migrated), the flows and their
 * texts, and the document store. Tests open their own, on a temporary directory and database.
 */
import { join } from "node:path";
import { DEFAULT_FLOWS_DIR, DEFAULT_LOCALES_DIR, type ServerConfig } from "./config";
import { type Database, type OpenOptions, openDatabase } from "./db/connect";
import { RecordingBatches } from "./db/recording-batches";
import { RequestEventsRepository } from "./db/request-events-repository";
import { type RepositoryHooks, SubmissionsRepository } from "./db/submissions-repository";
import { UploadsRepository } from "./db/uploads-repository";
import type { DocumentStore } from "./documents/document-store";
import { FileDocumentStore } from "./documents/file-document-store";
import { FlowRegistry } from "./flows/flow-registry";
import { FrenchTexts } from "./flows/french-texts";
import { RequestsService } from "./requests/requests-service";

/** A person on a patchy connection may take days to finish sending a document; after that, it starts over. */
export const UPLOAD_EXPIRATION_MS = 7 * 24 * 3600 * 1000;

export interface ApiServices {
  readonly database: Database;
  readonly flows: FlowRegistry;
  readonly documents: DocumentStore;
  readonly submissions: SubmissionsRepository;
  readonly uploads: UploadsRepository;
  /** The requests domain: what routes call to send, read and move requests. */
  readonly requests: RequestsService;
  readonly maxBodyBytes: number;
  close(): Promise<void>;
}

export interface ServicesOptions {
  readonly flowsDir?: string;
  readonly localesDir?: string;
  readonly database?: OpenOptions;
  readonly hooks?: RepositoryHooks;
}

export async function openServices(
  config: Pick<ServerConfig, "dataDir" | "database" | "maxBodyBytes">,
  options: ServicesOptions = {},
): Promise<ApiServices> {
  const texts = await FrenchTexts.load(options.localesDir ?? DEFAULT_LOCALES_DIR);
  const flows = await FlowRegistry.load(options.flowsDir ?? DEFAULT_FLOWS_DIR, texts);
  const database = await openDatabase(config.database, options.database);
  const batches = new RecordingBatches(database.db, options.hooks);
  const documents = new FileDocumentStore({
    directory: join(config.dataDir, "uploads"),
    expirationMs: UPLOAD_EXPIRATION_MS,
  });
  const submissions = new SubmissionsRepository(database.db, batches);
  const uploads = new UploadsRepository(database.db, batches);
  const events = new RequestEventsRepository(database.db);
  return {
    database,
    flows,
    documents,
    submissions,
    uploads,
    requests: new RequestsService({ flows, documents, uploads, submissions, events }),
    maxBodyBytes: config.maxBodyBytes,
    close: () => database.close(),
  };
}
