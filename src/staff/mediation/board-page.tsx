/**
 * /mediation (mediators): the help calls — which post, since when, the procedure and the step's
 * title, never a name or an answer — with "J'arrive" and "Terminé", and the posts with whether
 * each is in use and since when. Live from the server's event stream; a cut stream says so
 * while the browser tries again.
 */
import { useState } from "preact/hooks";
import type { Board } from "../../shared/api/posts";
import { closeCall, removePost, type StaffProblem, takeCall } from "../api/staff-api";
import { t } from "../i18n/staff-i18n";
import { usePageTitle } from "../layout/staff-layout";
import { TableScroll } from "../layout/table-scroll";
import { since, useMinuteClock } from "./since";
import { ThisBrowserPost } from "./this-browser-post";
import { useLiveBoard } from "./use-live-board";

type Call = Board["calls"][number];
type Post = Board["posts"][number];

function CallItem({ call, now, act }: { call: Call; now: number; act: (action: "take" | "close") => void }) {
  const heading = `call-${call.id}`;
  return (
    <li class={`staff-call staff-call--${call.status}`} aria-labelledby={heading}>
      <h3 id={heading}>{call.post}</h3>
      <p>{since(call.since, now)}</p>
      <p>
        {call.procedure ?? t("board.noProcedure")}
        {call.step && ` – ${call.step}`}
      </p>
      <p class="staff-call__status">{t(`board.status.${call.status}`)}</p>
      <div class="staff-call__actions">
        {call.status === "waiting" && (
          <button type="button" class="button" onClick={() => act("take")}>
            {t("board.take")}
          </button>
        )}
        <button type="button" class="button" onClick={() => act("close")}>
          {t("board.close")}
        </button>
      </div>
    </li>
  );
}

function PostRow({
  post,
  now,
  onRemoved,
}: {
  post: Post;
  now: number;
  onRemoved: (problem?: StaffProblem) => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const remove = async () => {
    const answer = await removePost(post.id);
    onRemoved(answer.ok ? undefined : answer.problem);
  };
  return (
    <tr>
      <th scope="row">{post.name}</th>
      <td>{post.inUseSince ? since(post.inUseSince, now) : t("board.free")}</td>
      <td>
        {confirming ? (
          <>
            <button type="button" class="button" onClick={() => void remove()}>
              {t("board.confirmRemove", { name: post.name })}
            </button>{" "}
            <button type="button" class="button" onClick={() => setConfirming(false)}>
              {t("board.cancel")}
            </button>
          </>
        ) : (
          <button
            type="button"
            class="button"
            aria-label={t("board.removeOf", { name: post.name })}
            onClick={() => setConfirming(true)}
          >
            {t("board.remove")}
          </button>
        )}
      </td>
    </tr>
  );
}

export function BoardPage() {
  const { board, connection, replace } = useLiveBoard();
  const [problem, setProblem] = useState<StaffProblem>();
  const [postsChanged, setPostsChanged] = useState(0);
  const now = useMinuteClock();
  usePageTitle(t("board.title"));

  const act = async (call: Call, action: "take" | "close") => {
    const answer = await (action === "take" ? takeCall(call.id) : closeCall(call.id));
    if (answer.ok) replace(answer.value);
    // Another mediator closed it first: the stream brings the board without it.
    setProblem(answer.ok || answer.problem === "help_call_not_found" ? undefined : answer.problem);
  };

  return (
    <>
      <h1>{t("board.title")}</h1>
      <p class={`staff-connection staff-connection--${connection}`} role="status">
        {t(`board.connection.${connection}`)}
      </p>
      {problem && (
        <p class="notice notice--error" role="alert">
          {problem === "network" ? t("errors.network") : t("errors.unexpected")}
        </p>
      )}
      <section class="staff-section" aria-labelledby="calls">
        <h2 id="calls">{t("board.calls")}</h2>
        {board && board.calls.length === 0 && <p>{t("board.noCalls")}</p>}
        {board && board.calls.length > 0 && (
          <ul class="staff-calls">
            {board.calls.map((call) => (
              <CallItem key={call.id} call={call} now={now} act={(action) => void act(call, action)} />
            ))}
          </ul>
        )}
      </section>
      <section class="staff-section" aria-labelledby="posts">
        <h2 id="posts">{t("board.posts")}</h2>
        {board && board.posts.length === 0 && <p>{t("board.noPosts")}</p>}
        {board && board.posts.length > 0 && (
          <TableScroll label={t("board.postsCaption")}>
            <table class="staff-table">
              <caption class="visually-hidden">{t("board.postsCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("board.post")}</th>
                  <th scope="col">{t("board.inUse")}</th>
                  <th scope="col">{t("board.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {board.posts.map((post) => (
                  <PostRow
                    key={post.id}
                    post={post}
                    now={now}
                    onRemoved={(removed) => {
                      setProblem(removed);
                      setPostsChanged((n) => n + 1);
                    }}
                  />
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
      <ThisBrowserPost changed={postsChanged} />
    </>
  );
}
