/**
 * /api/posts (mediators enrol and remove posts) and /api/post/… (what a post's browser asks:
 * is it a post, the person's activity and help calls, the end of their session, their receipt
 * sent to their phone). A citizen can neither enrol nor remove a post.
 */
import { Hono } from "hono";
import type * as v from "valibot";
import { apiRoutes } from "../../shared/api/paths";
import { EnrolPostSchema, PostReceiptSchema, PostStepSchema } from "../../shared/api/posts";
import { normaliseAddress } from "../accounts/address";
import type { ApiServices } from "../services";
import { apiError } from "./errors";
import { readValidBody } from "./json-body";
import {
  clearPostCookies,
  clearSiteData,
  currentPost,
  enrolledPost,
  postOnly,
  setPostCookies,
} from "./post-cookie";
import { clearSessionCookie, currentSession } from "./session-cookie";
import { staffOnly } from "./staff-session";

const MAX_POST_BODY = 2048;
/** A reference sent to the person's phone is worth sending for a day, not longer. */
const RECEIPT_MESSAGE_HOURS = 24;

const stepOf = (body: v.InferOutput<typeof PostStepSchema>) =>
  body.flowId && body.stepId ? { flowId: body.flowId, stepId: body.stepId } : undefined;

export function postRoutes(services: ApiServices): Hono {
  const routes = new Hono();
  const { posts } = services;
  const mediator = staffOnly("mediator");
  const onPost = postOnly();

  routes.post(apiRoutes.posts, mediator, async (c) => {
    const body = await readValidBody(c, MAX_POST_BODY, EnrolPostSchema);
    if (!body.ok) return body.response;
    const { post, token } = await posts.enrol(body.value.name, c.get("staff").staffId);
    setPostCookies(c, token);
    return c.json({ id: post.id, name: post.name }, 201);
  });

  routes.delete(apiRoutes.post, mediator, async (c) => {
    const id = c.req.param("id");
    if (!(await posts.remove(id))) return apiError(c, 404, "not_found");
    // Removed from this very browser: it is a plain PC again.
    if ((await currentPost(c))?.id === id) clearPostCookies(c);
    return c.body(null, 204);
  });

  routes.get(apiRoutes.currentPost, onPost, async (c) => {
    const post = await enrolledPost(c);
    return c.json({ name: post.name, idleSeconds: posts.idleSeconds });
  });

  routes.post(apiRoutes.postActivity, onPost, async (c) => {
    const body = await readValidBody(c, MAX_POST_BODY, PostStepSchema);
    if (!body.ok) return body.response;
    await posts.activity((await enrolledPost(c)).id, stepOf(body.value));
    return c.body(null, 204);
  });

  // "J'ai fini", the idle timeout, or a browser reopened: the person's server session ends too.
  routes.post(apiRoutes.postEnd, onPost, async (c) => {
    const session = await currentSession(c);
    if (session) await services.account.sessions.close(session.accountId, session.id);
    clearSessionCookie(c);
    await posts.end((await enrolledPost(c)).id);
    clearSiteData(c);
    return c.body(null, 204);
  });

  routes.get(apiRoutes.postHelp, onPost, async (c) => {
    const call = await posts.openCallOf((await enrolledPost(c)).id);
    return c.json({ status: call?.status ?? "none" });
  });

  routes.post(apiRoutes.postHelp, onPost, async (c) => {
    const body = await readValidBody(c, MAX_POST_BODY, PostStepSchema);
    if (!body.ok) return body.response;
    const post = await enrolledPost(c);
    await posts.activity(post.id, stepOf(body.value));
    await posts.callForHelp(post, stepOf(body.value));
    const call = await posts.openCallOf(post.id);
    return c.json({ status: call?.status ?? "none" }, 201);
  });

  routes.delete(apiRoutes.postHelp, onPost, async (c) => {
    await posts.cancelCall((await enrolledPost(c)).id);
    return c.json({ status: "none" });
  });

  // The reference goes to the person's phone or mailbox; the post keeps neither it nor the address.
  routes.post(apiRoutes.postReceipt, onPost, async (c) => {
    const body = await readValidBody(c, MAX_POST_BODY, PostReceiptSchema);
    if (!body.ok) return body.response;
    const address = normaliseAddress(body.value.address);
    if (!address) return apiError(c, 400, "invalid_address");
    const receipt = await services.submissions.find(body.value.requestId);
    if (!receipt) return apiError(c, 404, "not_found");
    const words = services.messageTexts.postReceipt(body.value.language ?? "fr", {
      reference: receipt.reference,
    });
    await services.account.queue.enqueue({
      channel: address.channel,
      to: address.value,
      subject: words.subject,
      text: address.channel === "sms" ? words.sms : words.email,
      expiresAt: new Date(Date.now() + RECEIPT_MESSAGE_HOURS * 3600 * 1000),
    });
    services.account.queue.kick();
    return c.body(null, 202);
  });

  return routes;
}
