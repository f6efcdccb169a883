/**
 * The post's cookies. `__Host-pap_post` (HttpOnly) carries the post's token; `pap_post` (readable,
 * no secret: "1") tells the app it runs on a post before any request. Both last 400 days, the
 * most browsers allow, so the mode stays until a mediator removes it; a citizen clearing cookies
 * only loses the marker, and the app asks the server again (GET /api/post) at every start.
 */
import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { Post, PostsService } from "../posts/posts-service";
import { apiError } from "./errors";

export const POST_COOKIE = "__Host-pap_post";
export const POST_MARKER_COOKIE = "pap_post";
const POST_COOKIE_SECONDS = 400 * 24 * 3600;

declare module "hono" {
  interface ContextVariableMap {
    postLookup: () => Promise<Post | undefined>;
  }
}

export function withPosts(posts: PostsService): MiddlewareHandler {
  return async (c, next) => {
    let found: Promise<Post | undefined> | undefined;
    c.set("postLookup", () => {
      const token = getCookie(c, POST_COOKIE);
      found ??= token && token.length <= 64 ? posts.ofToken(token) : Promise.resolve(undefined);
      return found;
    });
    await next();
  };
}

export function currentPost(c: Context): Promise<Post | undefined> {
  return c.get("postLookup")?.() ?? Promise.resolve(undefined);
}

/** 403 `not_a_post` unless the browser is an enrolled post. */
export function postOnly(): MiddlewareHandler {
  return async (c, next) => {
    if (!(await currentPost(c))) return apiError(c, 403, "not_a_post");
    await next();
  };
}

export async function enrolledPost(c: Context): Promise<Post> {
  const post = await currentPost(c);
  if (!post) throw new Error("postOnly let a browser that is not a post through");
  return post;
}

export function setPostCookies(c: Context, token: string): void {
  const common = { secure: true, sameSite: "Lax", path: "/", maxAge: POST_COOKIE_SECONDS } as const;
  setCookie(c, POST_COOKIE, token, { ...common, httpOnly: true });
  setCookie(c, POST_MARKER_COOKIE, "1", common);
}

export function clearPostCookies(c: Context): void {
  deleteCookie(c, POST_COOKIE, { secure: true, path: "/" });
  deleteCookie(c, POST_MARKER_COOKIE, { secure: true, path: "/" });
}

/**
 * The end of a person's session on a post: the browser drops the site's caches and storage.
 * Not "cookies": that would remove the post's own cookie and turn the post back into a plain PC.
 */
export function clearSiteData(c: Context): void {
  c.header("Clear-Site-Data", '"cache", "storage"');
}
