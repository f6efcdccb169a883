/**
 * What the API works with, opened once at start: the database (migrated), the flows and their
 * texts, and the document store. Tests open their own, on a temporary directory and database.
 */
import { join } from "node:path";
import { readAccountConfig } from "./account-config";
import {
  type AccountServices,
  type AccountServicesOptions,
  openAccountServices,
} from "./accounts/account-services";
import {
  DEFAULT_FLOWS_DIR,
  DEFAULT_LOCALES_DIR,
  DEFAULT_POST_IDLE_SECONDS,
  type ServerConfig,
} from "./config";
import { AccountDraftsRepository } from "./db/account-drafts-repository";
import { AnswerChangesRepository } from "./db/answer-changes-repository";
import { type Database, type OpenOptions, openDatabase } from "./db/connect";
import { ExchangesRepository } from "./db/exchanges-repository";
import { HandoffsRepository } from "./db/handoffs-repository";
import { type ProcessingHooks, ProcessingRepository } from "./db/processing-repository";
import { RecordingBatches } from "./db/recording-batches";
import { RequestEventsRepository } from "./db/request-events-repository";
import { type RepositoryHooks, SubmissionsRepository } from "./db/submissions-repository";
import { UploadClientsRepository } from "./db/upload-clients-repository";
import { UploadsRepository } from "./db/uploads-repository";
import type { DocumentStore } from "./documents/document-store";
import { FileDocumentStore } from "./documents/file-document-store";
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from "./documents/upload-limits";
import { AccountDraftsService } from "./drafts/account-drafts-service";
import { FlowRegistry } from "./flows/flow-registry";
import { FrenchTexts } from "./flows/french-texts";
import { DEFAULT_HANDOFF_LIMITS, type HandoffLimits } from "./handoffs/handoff-limits";
import { HandoffService } from "./handoffs/handoff-service";
import { MessageTexts } from "./messages/message-texts";
import { PostsService } from "./posts/posts-service";
import { ProcessingActions } from "./processing/actions";
import { CitizenExchangesService } from "./processing/citizen-exchanges";
import { CitizenNotices } from "./processing/citizen-notices";
import { ProcessingExports } from "./processing/exports";
import { ProcessingQueues } from "./processing/queues";
import { RequestsService } from "./requests/requests-service";
import { DEFAULT_STAFF_RULES } from "./staff/staff-rules";
import { openStaffServices, type StaffServices } from "./staff/staff-services";

/** A person on a patchy connection may take days to finish sending a document; after that, it starts over. */
export const UPLOAD_EXPIRATION_MS = 7 * 24 * 3600 * 1000;

export interface ApiServices {
  readonly database: Database;
  readonly flows: FlowRegistry;
  readonly documents: DocumentStore;
  readonly submissions: SubmissionsRepository;
  readonly uploads: UploadsRepository;
  /** Who created which upload: what the per-client limits count. */
  readonly uploadClients: UploadClientsRepository;
  /** Read at each creation (a test may change them while the server runs). */
  readonly uploadLimits: UploadLimits;
  /** The requests domain: what routes call to send, read and move requests. */
  readonly requests: RequestsService;
  readonly maxBodyBytes: number;
  /** Sign-in, sessions and the queue of outgoing messages. */
  readonly account: AccountServices;
  /** Drafts kept in the account, for every device the person signs in on. */
  readonly drafts: AccountDraftsService;
  /** The connected space: posts, help calls, time per step. */
  readonly posts: PostsService;
  /** The words of outgoing messages (locales/<lng>/messages.json). */
  readonly messageTexts: MessageTexts;
  /** Drafts handed from one device to another, as ciphertext. */
  readonly handoffs: HandoffService;
  /** Read at each use (a test may change them while the server runs). */
  readonly handoffLimits: HandoffLimits;
  /** Staff accounts, their sign-in and sessions. */
  readonly staff: StaffServices;
  /** The back office: agents' queues and actions, each scoped to the staff member's procedures. */
  readonly processing: {
    readonly repository: ProcessingRepository;
    readonly queues: ProcessingQueues;
    readonly actions: ProcessingActions;
    readonly exports: ProcessingExports;
    /** Asking the citizen, their answers, and messages both ways. */
    readonly exchanges: CitizenExchangesService;
    readonly exchangesRepository: ExchangesRepository;
  };
  close(): Promise<void>;
}

export interface ServicesOptions {
  readonly flowsDir?: string;
  readonly localesDir?: string;
  readonly database?: OpenOptions;
  readonly hooks?: RepositoryHooks;
  readonly accounts?: AccountServicesOptions;
  readonly processingHooks?: ProcessingHooks;
}

export async function openServices(
  config: Pick<ServerConfig, "dataDir" | "database" | "maxBodyBytes"> &
    Partial<Pick<ServerConfig, "accounts" | "uploadLimits" | "postIdleSeconds" | "handoffLimits" | "staff">>,
  options: ServicesOptions = {},
): Promise<ApiServices> {
  const localesDir = options.localesDir ?? DEFAULT_LOCALES_DIR;
  const texts = await FrenchTexts.load(localesDir);
  const messageTexts = await MessageTexts.load(localesDir);
  const flows = await FlowRegistry.load(options.flowsDir ?? DEFAULT_FLOWS_DIR, texts);
  const database = await openDatabase(config.database, options.database);
  const batches = new RecordingBatches(database.db, options.hooks);
  const documents = new FileDocumentStore({
    directory: join(config.dataDir, "uploads"),
    expirationMs: UPLOAD_EXPIRATION_MS,
  });
  const submissions = new SubmissionsRepository(database.db, batches);
  const uploads = new UploadsRepository(database.db, batches);
  const uploadClients = new UploadClientsRepository(database.db);
  const events = new RequestEventsRepository(database.db);
  const requests = new RequestsService({ flows, documents, uploads, submissions, events });
  const drafts = new AccountDraftsService({
    drafts: new AccountDraftsRepository(database.db),
    documents,
    uploadClients,
    uploads,
    now: () => new Date(),
  });
  const account = openAccountServices(
    database.db,
    config.accounts ?? readAccountConfig({}),
    { dataDir: config.dataDir, texts: messageTexts, requests, drafts },
    options.accounts,
  );
  const handoffLimits = config.handoffLimits ?? DEFAULT_HANDOFF_LIMITS;
  const handoffs = new HandoffService(new HandoffsRepository(database.db), () => handoffLimits);
  const processingRepository = new ProcessingRepository(database.db, options.processingHooks);
  const exchangesRepository = new ExchangesRepository(database.db);
  const notices = new CitizenNotices(exchangesRepository, account.queue, messageTexts);
  // The accounts' test clock is the server's clock: staff sessions expire by it too.
  const staff = openStaffServices(
    database.db,
    config.staff ?? DEFAULT_STAFF_RULES,
    options.accounts?.now,
    options.accounts?.allowInsecureOidc,
  );
  const processing = {
    repository: processingRepository,
    queues: new ProcessingQueues(processingRepository),
    actions: new ProcessingActions({
      repository: processingRepository,
      requests,
      notices,
      agentsOf: (flowId) => staff.accounts.agentsOf(flowId),
      colleagueProcesses: async (staffId, flowId) => {
        const colleague = await staff.accounts.summary(staffId);
        return (
          !!colleague &&
          !colleague.disabled &&
          colleague.roles.includes("agent") &&
          colleague.procedures.includes(flowId)
        );
      },
    }),
    exports: new ProcessingExports(processingRepository, texts),
    exchanges: new CitizenExchangesService({
      processing: processingRepository,
      exchanges: exchangesRepository,
      answerChanges: new AnswerChangesRepository(database.db),
      requests,
      notices,
      flows,
      documents,
    }),
    exchangesRepository,
  };
  return {
    database,
    flows,
    documents,
    submissions,
    uploads,
    uploadClients,
    uploadLimits: config.uploadLimits ?? DEFAULT_UPLOAD_LIMITS,
    requests,
    maxBodyBytes: config.maxBodyBytes,
    account,
    drafts,
    messageTexts,
    posts: new PostsService(database.db, config.postIdleSeconds ?? DEFAULT_POST_IDLE_SECONDS),
    handoffs,
    handoffLimits,
    staff,
    processing,
    async close() {
      await account.queue.stop();
      for (const driver of new Set(Object.values(account.drivers))) driver.close?.();
      await database.close();
    },
  };
}
