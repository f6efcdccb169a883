/**
 * "Enregistrer ce navigateur comme poste": a mediator on one of the connected space's PCs makes
 * it a post (the server sets its cookies on this browser), then signs out and leaves it to the
 * public. Removing a post is on the board's list of posts.
 */
import { useEffect, useState } from "preact/hooks";
import type { CurrentPost } from "../../shared/api/posts";
import { enrolThisBrowser, type StaffProblem, thisBrowserPost } from "../api/staff-api";
import { t } from "../i18n/staff-i18n";

export function ThisBrowserPost({ changed }: { changed: number }) {
  const [post, setPost] = useState<CurrentPost | null>();
  const [name, setName] = useState("");
  const [problem, setProblem] = useState<StaffProblem>();
  const [enrolled, setEnrolled] = useState(false);

  useEffect(() => {
    void thisBrowserPost().then((found) => setPost(found ?? null));
  }, [changed]);

  const enrol = async (event: Event) => {
    event.preventDefault();
    const answer = await enrolThisBrowser(name.trim());
    if (!answer.ok) return setProblem(answer.problem);
    setProblem(undefined);
    setEnrolled(true);
    setName("");
    setPost((await thisBrowserPost()) ?? null);
  };

  return (
    <section class="staff-section" aria-labelledby="this-browser">
      <h2 id="this-browser">{t("board.thisBrowser.title")}</h2>
      <p role="status">{enrolled && post ? t("board.thisBrowser.enrolled", { name: post.name }) : ""}</p>
      {post === undefined ? null : post ? (
        <p>{t("board.thisBrowser.isPost", { name: post.name })}</p>
      ) : (
        <form class="staff-form staff-form--inline" onSubmit={enrol}>
          <p>{t("board.thisBrowser.intro")}</p>
          <label for="post-name">{t("board.thisBrowser.name")}</label>
          <input
            id="post-name"
            type="text"
            required
            maxLength={80}
            aria-describedby="post-name-hint"
            value={name}
            onInput={(event) => setName(event.currentTarget.value)}
          />
          <p id="post-name-hint" class="staff-hint">
            {t("board.thisBrowser.nameHint")}
          </p>
          {problem && (
            <p class="notice notice--error" role="alert">
              {problem === "network" ? t("errors.network") : t("errors.unexpected")}
            </p>
          )}
          <button type="submit" class="button">
            {t("board.thisBrowser.enrol")}
          </button>
        </form>
      )}
    </section>
  );
}
