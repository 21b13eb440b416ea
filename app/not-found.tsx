import type { Metadata } from "next";
import { NotFoundNotice } from "@/components/NotFoundNotice";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return <NotFoundNotice title="This page does not exist" detail="The address may be mistyped, or the page was moved." />;
}
