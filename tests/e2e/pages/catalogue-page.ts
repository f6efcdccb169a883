import type { Locator, Page } from "@playwright/test";

/** The list of procedures at /, as a person sees it. */
export class CataloguePage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto("/");
  }

  heading(): Locator {
    return this.page.getByRole("heading", { level: 1 });
  }

  procedure(title: string): Locator {
    return this.page.getByRole("article", { name: title });
  }

  languageButton(name: string): Locator {
    return this.page.getByRole("button", { name, exact: true });
  }

  async switchTo(languageName: string): Promise<void> {
    await this.languageButton(languageName).click();
  }
}
