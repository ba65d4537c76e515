import { safeCallbackPath } from "@/lib/auth/redirect";

describe("where to go after logging in", () => {
  it.each([
    ["/account", "/account"],
    ["/admin?q=ann", "/admin?q=ann"],
    ["/dashboard#top", "/dashboard#top"],
  ])("keeps the same-origin path %s", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });

  it.each([
    "https://evil.example/dashboard",
    "//evil.example/x",
    "/\\evil.example",
    "javascript:alert(1)",
    "dashboard",
    "",
    "/login",
    "/api/auth/signout",
    undefined,
    42,
  ])("sends %p to the Dashboard instead", (input) => {
    expect(safeCallbackPath(input)).toBe("/dashboard");
  });

  it("keeps encoded characters encoded, so they cannot become headers", () => {
    expect(safeCallbackPath("/%0d%0aSet-Cookie:x")).toBe("/%0d%0aSet-Cookie:x");
    expect(safeCallbackPath("/\r\nSet-Cookie:x")).toBe("/dashboard");
  });
});
