/**
 * "Mes demandes" as a person sees it: a list of the requests made on this device, each with its
 * number, when it was made and where it stands, its procedure's title leading to its receipt.
 */
import type { Locator, Page } from "@playwright/test";
import { commonText } from "../../support/flow-texts";
import { exactly, type Language, textOf } from "../support/texts";

type Values = Readonly<Record<string, string | number>>;

export class MyRequestsPage {
  constructor(
    readonly page: Page,
    readonly language: Language = "fr",
  ) {}

  /** Texts of the page (locales/<lng>/requests.json). */
  text(key: string, values: Values = {}): string {
    return textOf(this.language, key, "requests", values);
  }

  /** "Mes demandes" on the catalogue. */
  catalogueLink(): Locator {
    return this.page.getByRole("link", { name: exactly(commonText(this.language, "myRequests")) });
  }

  /** "Voir toutes mes demandes" on a receipt. */
  seeAllLink(): Locator {
    return this.page.getByRole("link", { name: exactly(this.text("seeAll")) });
  }

  heading(): Locator {
    return this.page.getByRole("heading", { level: 1 });
  }

  /** One request of the list: the item whose title leads to its receipt, /demandes/<id>. */
  request(id: string): Locator {
    return this.page.getByRole("listitem").filter({ has: this.page.locator(`a[href="/demandes/${id}"]`) });
  }

  /** What the list says under one label of a request ("Numéro provisoire", "État"…). */
  fact(request: Locator, labelKey: string): Locator {
    const label = this.page.getByRole("term").filter({ hasText: exactly(this.text(labelKey)) });
    return request.locator("div").filter({ has: label }).getByRole("definition");
  }
}
