import { describe, expect, it } from "vitest";
import { matchRoute, paths } from "../../../../src/app/routing/routes";

const ID = "0f8e2a6c-4b1d-4c3e-9a7f-2d5b8c1e6f90";

describe("the app's addresses", () => {
  it("leads each address to its page", () => {
    expect(matchRoute("/")).toEqual({ page: "catalogue" });
    expect(matchRoute("/aide")).toEqual({ page: "help" });
    expect(matchRoute("/bourse-scolaire")).toEqual({ page: "procedure", flowId: "bourse-scolaire" });
    expect(matchRoute(`/bourse-scolaire/${ID}/children`)).toEqual({
      page: "procedure",
      flowId: "bourse-scolaire",
      draftId: ID,
      step: "children",
    });
    expect(matchRoute(`/bourse-scolaire/${ID}`)).toEqual({
      page: "procedure",
      flowId: "bourse-scolaire",
      draftId: ID,
    });
    expect(matchRoute(`/demandes/${ID}`)).toEqual({ page: "request", id: ID });
  });

  it("tells an address from before drafts had ids, so the wizard can redirect it", () => {
    expect(matchRoute("/bourse-scolaire/children")).toEqual({
      page: "procedure",
      flowId: "bourse-scolaire",
      legacyStep: "children",
    });
  });

  it("opens the list of requests at /demandes, with or without a final slash", () => {
    expect(matchRoute("/demandes")).toEqual({ page: "requests" });
    expect(matchRoute("/demandes/")).toEqual({ page: "requests" });
  });

  it("finds no page at an address that only looks like a request's", () => {
    expect(matchRoute("/demandes/not-a-request")).toEqual({ page: "not-found" });
    expect(matchRoute(`/demandes/${ID}/more`)).toEqual({ page: "not-found" });
    expect(matchRoute("/Demandes")).toEqual({ page: "not-found" });
  });

  it("makes addresses that lead back to the same page", () => {
    expect(matchRoute(paths.catalogue())).toEqual({ page: "catalogue" });
    expect(matchRoute(paths.requests())).toEqual({ page: "requests" });
    expect(matchRoute(paths.request(ID))).toEqual({ page: "request", id: ID });
    expect(matchRoute(paths.step("aide-medicale", ID, "applicant"))).toEqual({
      page: "procedure",
      flowId: "aide-medicale",
      draftId: ID,
      step: "applicant",
    });
    expect(matchRoute(paths.draft("aide-medicale", ID))).toEqual({
      page: "procedure",
      flowId: "aide-medicale",
      draftId: ID,
    });
    expect(matchRoute(paths.help())).toEqual({ page: "help" });
  });
});
