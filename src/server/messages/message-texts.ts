/**
 * The words of outgoing messages, from locales/<lng>/messages.json like every other text.
 * Only `{{name}}` placeholders are filled in; a missing text is a start-up error, not a blank email.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";

export const MESSAGE_LANGUAGES = ["fr", "en"] as const;
export type MessageLanguage = (typeof MESSAGE_LANGUAGES)[number];

interface CodeTexts {
  readonly subject: string;
  readonly email: string;
  readonly sms: string;
}

/** What the citizen is told of their request: the reference, never what it holds. */
export const REQUEST_NOTICES = ["requestStatus", "requestMessage", "requestTask"] as const;
export type RequestNotice = (typeof REQUEST_NOTICES)[number];

type Catalogue = Record<
  MessageLanguage,
  { readonly signInCode: CodeTexts; readonly postReceipt: CodeTexts } & Record<RequestNotice, CodeTexts>
>;

export class MessageTexts {
  private constructor(private readonly catalogue: Catalogue) {}

  static async load(localesDir: string): Promise<MessageTexts> {
    const entries = await Promise.all(
      MESSAGE_LANGUAGES.map(async (language) => {
        const file = join(localesDir, language, "messages.json");
        const texts = JSON.parse(await readFile(file, "utf8")) as Record<
          string,
          Partial<CodeTexts> | undefined
        >;
        const complete = (name: string) => {
          const found = texts[name];
          if (!found?.subject || !found.email || !found.sms) throw new Error(`${file} lacks ${name} texts`);
          return found as CodeTexts;
        };
        return [
          language,
          {
            signInCode: complete("signInCode"),
            postReceipt: complete("postReceipt"),
            ...Object.fromEntries(REQUEST_NOTICES.map((name) => [name, complete(name)])),
          },
        ] as const;
      }),
    );
    return new MessageTexts(Object.fromEntries(entries) as Catalogue);
  }

  /** A request's reference sent from a post of the connected space to the person's phone or mailbox. */
  postReceipt(language: MessageLanguage, values: { readonly reference: string }) {
    return this.withReference(language, "postReceipt", values);
  }

  /** A status change, a message or a task on the person's request, named by its reference only. */
  requestNotice(language: MessageLanguage, notice: RequestNotice, values: { readonly reference: string }) {
    return this.withReference(language, notice, values);
  }

  private withReference(
    language: MessageLanguage,
    name: "postReceipt" | RequestNotice,
    values: { readonly reference: string },
  ) {
    const texts = this.catalogue[language][name];
    const fill = (text: string) => text.replace(/\{\{reference\}\}/g, values.reference);
    return { subject: fill(texts.subject), email: fill(texts.email), sms: fill(texts.sms) };
  }

  signInCode(language: MessageLanguage, values: { readonly code: string; readonly minutes: number }) {
    const texts = this.catalogue[language].signInCode;
    const fill = (text: string) =>
      text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name as keyof typeof values] ?? ""));
    return { subject: fill(texts.subject), email: fill(texts.email), sms: fill(texts.sms) };
  }
}
