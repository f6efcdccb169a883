/** Which driver each channel uses, from the configuration; the files of DATA_DIR/outbox/ by default. */
import { join } from "node:path";
import type { AccountConfig } from "../account-config";
import type { Drivers } from "./message-queue";
import { OutboxDriver } from "./outbox-driver";
import { SmsGatewayDriver } from "./sms-gateway-driver";
import { SmtpDriver } from "./smtp-driver";

export function driversFor(config: AccountConfig, dataDir: string): Drivers {
  const outbox = new OutboxDriver(join(dataDir, "outbox"));
  return {
    email: config.smtpUrl ? new SmtpDriver(config.smtpUrl, config.mailFrom) : outbox,
    sms: config.smsGateway ? new SmsGatewayDriver(config.smsGateway.url, config.smsGateway.token) : outbox,
  };
}
