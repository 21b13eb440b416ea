import "server-only";
import { headers } from "next/headers";
import { pickLocale } from "../locale";

/**
 * The reader's locale from the request's `Accept-Language`, so figures render on the server in the locale the
 * browser shows them in, and client components hydrate with the same text (it is passed to them as a prop).
 */
export async function requestLocale(): Promise<string> {
  return pickLocale((await headers()).get("accept-language") ?? "");
}
