import "../app/styles/base.css";
import "./staff.css";
import { render } from "preact";
import { startStaffI18n } from "./i18n/staff-i18n";
import { startStaffSession } from "./sign-in/staff-session";
import { StaffApp } from "./staff-app";

async function start(): Promise<void> {
  await Promise.all([startStaffI18n(), startStaffSession()]);
  const root = document.getElementById("staff-app");
  if (root) render(<StaffApp />, root);
}

void start();
