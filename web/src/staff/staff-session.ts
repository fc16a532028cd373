// The signed-in person for this request, read once: the layout and the page both ask, the api is called once.
import "server-only";
import { cache } from "react";
import type { StaffSession } from "./staff-api";
import { loadStaffData } from "./staff-page-data";

export const loadStaffSession = cache(() => loadStaffData<StaffSession>("/staff/session"));
