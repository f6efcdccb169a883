/**
 * On a post, at the top of every page: which post this is, "Demander de l'aide" (and whether a
 * mediator is coming), "J'ai fini", and the idle warning. Reports the step the person is on
 * (ids only) so the board shows where help is asked and the department sees where people stop.
 */
import { useCallback, useEffect, useState } from "preact/hooks";
import type { CurrentPost, HelpCallState, PostStep } from "../../shared/api/posts";
import { useTranslation } from "../i18n/use-translation";
import { usePath } from "../routing/router";
import { matchRoute } from "../routing/routes";
import {
  askForHelp,
  cancelHelpCall,
  fetchCurrentPost,
  helpCallState,
  reportActivity,
} from "../sync/post-api";
import { finishOnPost } from "./finish";
import { useIdleWatch } from "./idle-watch";
import "./post.css";

/** While a call is open, how often the post asks whether a mediator took it. */
const HELP_POLL_MS = 2000;

function stepOf(path: string): PostStep {
  const route = matchRoute(path);
  if (route.page !== "procedure") return {};
  return { flowId: route.flowId, ...(route.step ? { stepId: route.step } : {}) };
}

export function PostBar() {
  const { t } = useTranslation();
  const path = usePath();
  const finishedPage = matchRoute(path).page === "finished";
  const [post, setPost] = useState<CurrentPost>();
  const [help, setHelp] = useState<HelpCallState["status"] | "failed">("none");

  useEffect(() => {
    void fetchCurrentPost().then(setPost);
    void helpCallState().then((state) => state && setHelp(state.status));
  }, []);

  useEffect(() => {
    if (!finishedPage) void reportActivity(stepOf(path));
  }, [path, finishedPage]);

  useEffect(() => {
    if (help !== "waiting" && help !== "coming") return;
    const timer = setInterval(() => {
      void helpCallState().then((state) => state && setHelp(state.status));
    }, HELP_POLL_MS);
    return () => clearInterval(timer);
  }, [help]);

  const finish = useCallback(() => void finishOnPost(), []);
  const { warning } = useIdleWatch(finishedPage ? undefined : post?.idleSeconds, finish);

  const ask = async () => {
    const state = await askForHelp(stepOf(path));
    setHelp(state?.status ?? "failed");
  };
  const cancel = async () => {
    const state = await cancelHelpCall();
    setHelp(state?.status ?? "none");
  };

  return (
    <section class="post-bar" aria-label={t("post:bar.label")}>
      <p class="post-bar__name">{post ? t("post:bar.name", { name: post.name }) : t("post:bar.label")}</p>
      {!finishedPage && (
        <div class="post-bar__actions">
          {help === "waiting" || help === "coming" ? (
            <button type="button" class="button post-bar__secondary" onClick={cancel}>
              {t("post:bar.cancelHelp")}
            </button>
          ) : (
            <button type="button" class="button post-bar__secondary" onClick={ask}>
              {t("post:bar.askHelp")}
            </button>
          )}
          <button type="button" class="button" onClick={finish}>
            {t("post:bar.finished")}
          </button>
        </div>
      )}
      <p class="post-bar__help" role="status">
        {help === "waiting"
          ? t("post:bar.waiting")
          : help === "coming"
            ? t("post:bar.coming")
            : help === "failed"
              ? t("post:bar.helpFailed")
              : ""}
      </p>
      {warning && (
        <div class="post-idle" role="alertdialog" aria-modal="false" aria-labelledby="post-idle-title">
          <h2 id="post-idle-title">{t("post:idle.title")}</h2>
          <p>{t("post:idle.text")}</p>
        </div>
      )}
    </section>
  );
}
