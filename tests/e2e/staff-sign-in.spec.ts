import { expect, test } from "@playwright/test";
import { createE2eStaffAccount, staffSignIn } from "./support/staff-sign-in";

test("staff signed in on the real server hold a session with their roles, which sign-out ends", async ({
  page,
}) => {
  const account = createE2eStaffAccount(["mediator"]);
  expect((await page.request.get("/api/staff/session")).status()).toBe(401);
  await staffSignIn(page, account);
  const session = await page.request.get("/api/staff/session");
  expect(await session.json()).toMatchObject({ email: account.email, roles: ["mediator"] });
  const cookies = await page.context().cookies();
  expect(cookies.find((c) => c.name === "__Host-pas-staff")).toMatchObject({
    httpOnly: true,
    secure: true,
    sameSite: "Strict",
  });
  await page.request.post("/api/staff/sign-out");
  expect((await page.request.get("/api/staff/session")).status()).toBe(401);
});
