import "./styles/base.css";
import { namespaces } from "virtual:flow-catalogue";
import { render } from "preact";
import { App } from "./app";
import { startI18n } from "./i18n/i18n";
import { readLanguagePreference } from "./i18n/language-preference";
import { startServiceWorker } from "./pwa/service-worker";

async function start(): Promise<void> {
  // Texts first: rendering before they arrive would flash raw keys.
  await startI18n(readLanguagePreference(), namespaces);
  const root = document.getElementById("app");
  if (!root) throw new Error("index.html has no #app element");
  render(<App />, root);
  void startServiceWorker();
}

void start();
