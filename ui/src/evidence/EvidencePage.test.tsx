import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { mockWindows } from "@tauri-apps/api/mocks";
import { mockCommands } from "../test/ipc";
import { App as AntApp } from "antd";
import { describe, expect, it } from "vitest";
import type { EvidenceData, EvidenceState } from "../evidenceBindings";
import fixture from "../generated/evidence-example.json";
import type { Lang } from "../i18n/catalog";
import { I18nProvider } from "../i18n/I18n";
import { EvidencePage, humanSize } from "./EvidencePage";

const data = fixture as unknown as EvidenceData;
const open: EvidenceState = {
  status: { exists: true, key_place: "os_store", os_store_ok: true, os_store_problem: null },
  unlocked: true,
};

function setup(state: EvidenceState, lang: Lang = "zh") {
  const calls: { cmd: string; args: unknown }[] = [];
  mockWindows("main");
  mockCommands((cmd, args) => {
    calls.push({ cmd, args });
    if (cmd === "evidence_status") return state;
    if (cmd === "evidence_unlock") return open;
    if (cmd === "evidence_data") return data;
    if (cmd === "evidence_link") return data;
    if (cmd === "evidence_save_settings") return data;
    if (cmd.startsWith("plugin:")) return null;
    return null;
  });
  render(
    <I18nProvider lang={lang}>
      <AntApp>
        <EvidencePage />
      </AntApp>
    </I18nProvider>,
  );
  return calls;
}

describe("佐证材料 page", () => {
  it("shows the checklist Rust computed: what is provided, missing, auto-verified, and what blocks", async () => {
    setup(open);
    const summary = await screen.findByTestId("ev-summary");
    expect(summary.textContent).toBe(`已备齐 ${data.checklist.done}/${data.checklist.required} 项`);
    const diploma = screen.getByTestId("ev-item-item:education_certificate");
    expect(diploma.getAttribute("data-status")).toBe("provided");
    expect(within(diploma).getByText("硕士毕业证")).toBeTruthy();
    expect(screen.getByTestId("ev-item-item:social_insurance").getAttribute("data-status")).toBe("auto_verified");
    expect(screen.getByTestId("ev-item-achievement:a2").getAttribute("data-status")).toBe("missing");
    expect(data.checklist.blocking[0]).toBe("achievement:a2");
    expect(screen.getByText(/提交前须补齐/).textContent).toContain("业绩2：某工业园区分布式光伏及储能改造项目");
    expect(screen.getByText(/涉密内容/)).toBeTruthy();
    expect(within(screen.getByTestId("ev-item-item:social_insurance")).getByText("所有申报人；自动核验，未通过时上传")).toBeTruthy();
  });

  it("speaks English in the English interface: item names, why, the achievements' kinds, reminders", async () => {
    setup(open, "en");
    await screen.findByTestId("ev-summary");
    const insurance = screen.getByTestId("ev-item-item:social_insurance");
    expect(insurance.textContent).toContain("Social-insurance payment record");
    expect(insurance.textContent).toContain("every applicant; the portal checks it itself: upload only if that fails");
    const patent = screen.getByTestId("ev-item-achievement:a2");
    expect(patent.textContent).toContain("Achievement 2: 某工业园区分布式光伏及储能改造项目");
    expect(screen.getByText(/Declassify any classified content/)).toBeTruthy();
    expect(screen.getByText(/Needed before submission/).textContent).toContain("Achievement 2: 某工业园区分布式光伏及储能改造项目");
  });

  it("reminds to write a recovery file until one is written", async () => {
    setup(open);
    const reminder = await screen.findByTestId("ev-recovery-reminder");
    expect(reminder.textContent).toContain("尚未写出恢复文件");
    fireEvent.click(within(reminder).getByText("写出恢复文件…"));
    expect((await screen.findAllByLabelText("再输一次口令")).length).toBeGreaterThan(0);
  });

  it("unlinks a file from what it proves", async () => {
    const calls = setup(open);
    const a1 = await screen.findByTestId("ev-item-achievement:a1");
    fireEvent.click(within(a1).getByTitle("取消关联"));
    await waitFor(() => expect(calls.some((c) => c.cmd === "evidence_link")).toBe(true));
    const link = calls.find((c) => c.cmd === "evidence_link")!.args as { id: string; target: string; linked: boolean };
    expect(link).toEqual({ id: "8b1c2d3e4f506172", target: "achievement:a1", linked: false });
  });

  it("the size-warning settings are saved as they are changed", async () => {
    const calls = setup(open);
    const image = (await screen.findByLabelText("图片超过")) as HTMLInputElement;
    expect(image.value).toBe(String(data.settings.image_warn_mb));
    fireEvent.change(image, { target: { value: "3" } });
    await waitFor(() => expect(calls.some((c) => c.cmd === "evidence_save_settings")).toBe(true));
    expect(calls.find((c) => c.cmd === "evidence_save_settings")!.args).toEqual({
      settings: { ...data.settings, image_warn_mb: 3 },
    });
  });

  it("without a usable key store, creating asks for a passphrase twice and checks it", async () => {
    const calls = setup({
      status: { exists: false, key_place: null, os_store_ok: false, os_store_problem: "no D-Bus session" },
      unlocked: false,
    });
    expect((await screen.findByText(/no D-Bus session/)).textContent).toContain("请设定一个口令");
    const button = screen.getByTestId("ev-create") as HTMLButtonElement;
    fireEvent.change(screen.getByTestId("ev-pass"), { target: { value: "abc" } });
    expect(screen.getByText("口令至少需要 8 个字符")).toBeTruthy();
    fireEvent.change(screen.getByTestId("ev-pass"), { target: { value: "长一点的口令2026" } });
    fireEvent.change(screen.getByTestId("ev-pass-again"), { target: { value: "长一点的口令2025" } });
    expect(screen.getByText("两次输入的口令不一致")).toBeTruthy();
    expect(button.disabled).toBe(true);
    fireEvent.change(screen.getByTestId("ev-pass-again"), { target: { value: "长一点的口令2026" } });
    expect(button.disabled).toBe(false);
    fireEvent.click(button);
    await waitFor(() => expect(calls.some((c) => c.cmd === "evidence_unlock")).toBe(true));
    expect(calls.find((c) => c.cmd === "evidence_unlock")!.args).toEqual({ passphrase: "长一点的口令2026", create: true });
    expect(await screen.findByTestId("ev-summary")).toBeTruthy();
  });

  it("speaks English too, and sizes read naturally", async () => {
    setup(open, "en");
    expect((await screen.findByTestId("ev-summary")).textContent).toBe(
      `${data.checklist.done}/${data.checklist.required} items ready`,
    );
    expect(humanSize(1_234_567)).toBe("1.2 MB");
    expect(humanSize(512)).toBe("512 B");
  });
});
