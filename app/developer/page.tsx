import { UpcomingPage } from "@/components/UpcomingPage";

export const metadata = { title: "Developer" };

export default function DeveloperPage() {
  return (
    <UpcomingPage title="Developer" purpose="Your agents, earnings per token over time, CSV export, developer and infra claims, agent registration, signer rotation and split proposals." />
  );
}
