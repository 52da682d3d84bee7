import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { mockCommands } from "../test/ipc";
import { App as AntApp, ConfigProvider } from "antd";
import dayjs from "dayjs";
import { describe, expect, it } from "vitest";
import example from "../../../examples/applicant.json";
import { App } from "../App";
import { bootSettled, startBoot, type Boot } from "../boot";
import overview2023 from "../generated/overview-2023-11-30.json";
import type { Profile } from "../bindings";
import type { Lang } from "../i18n/catalog";
import { I18nProvider } from "../i18n/I18n";
import { emptyProfile } from "./formModel";
import { ProfileForm } from "./ProfileForm";

const NOW = () => dayjs("2026-11-15");

function renderForm(lang: Lang, initial: Profile = emptyProfile) {
  return render(
    <I18nProvider lang={lang}>
      <ConfigProvider>
        <AntApp>
          <ProfileForm initial={initial} now={NOW} />
        </AntApp>
      </ConfigProvider>
    </I18nProvider>,
  );
}

function input(id: string): HTMLInputElement {
  const el = document.getElementById(`profile_${id}`);
  if (!el) throw new Error(`no input profile_${id}`);
  return el as HTMLInputElement;
}

async function type(id: string, value: string) {
  await act(async () => {
    fireEvent.change(input(id), { target: { value } });
  });
}

describe("基本情况 validation messages", () => {
  it("explain a wrong ID number and phone in Chinese", async () => {
    mockCommands(() => null);
    renderForm("zh");
    await type("id_number", "500103198506151235");
    await type("phone", "1381234567");
    // No "should be 6": the typo may be anywhere in the number.
    expect(await screen.findByText("身份证号校验不通过：某一位可能录错，请对照证件逐位核对")).toBeTruthy();
    expect(await screen.findByText("手机号应为以1开头的11位数字")).toBeTruthy();
    await type("id_number", "5001031985");
    expect(await screen.findByText("身份证号应为18位，现为10位")).toBeTruthy();
  });

  it("explain the same problems in English", async () => {
    mockCommands(() => null);
    renderForm("en");
    await type("id_number", "500103198506151235");
    await type("phone", "1381234567");
    expect(
      await screen.findByText("The ID number does not pass its check: a digit may be mistyped; compare it with the card digit by digit"),
    ).toBeTruthy();
    expect(await screen.findByText("A mobile number has 11 digits and starts with 1")).toBeTruthy();
  });

  it("take a pasted +86 number with spaces and hyphens, and flag an over-long one instead of cutting it", async () => {
    mockCommands(() => null);
    renderForm("zh");
    await type("phone", "+86 138-1234-5678");
    expect(input("phone").value).toBe("13812345678");
    await type("phone", "0086 138 1234 5678");
    expect(input("phone").value).toBe("13812345678");
    await type("phone", "138123456789");
    expect(input("phone").value).toBe("138123456789");
    expect(await screen.findByText("手机号多了位数：输入了 12 位，应为 11 位（+86、空格和连字符会自动去掉）")).toBeTruthy();
  });

  it("fill 出生年月 and 性别 from a valid ID number when they are empty", async () => {
    mockCommands(() => null);
    renderForm("zh");
    await type("id_number", "500103198506151236");
    await waitFor(() => expect(input("birth_month").value).toBe("1985-06"));
    const male = document.querySelector<HTMLInputElement>("input[type=radio][value=male]");
    expect(male?.checked).toBe(true);
  });

  it("ask for a cleared required field by its name", async () => {
    mockCommands(() => null);
    renderForm("zh", example.profile as Profile);
    await type("name", "");
    expect(await screen.findByText("请填写姓名")).toBeTruthy();
    await type("employer", "   ");
    expect(await screen.findByText("请填写工作单位（全称）")).toBeTruthy();
  });

  it("flag an ID number whose birth month disagrees with the form", async () => {
    mockCommands(() => null);
    renderForm("zh", { ...(example.profile as Profile), birth_month: "1985-07" });
    expect(await screen.findByText("身份证号中的出生年月为1985-06，与填写的出生年月不一致")).toBeTruthy();
  });

  it("refuse a month after this month", async () => {
    mockCommands(() => null);
    renderForm("en", { ...(example.profile as Profile), field_start_month: "2027-01" });
    expect(await screen.findByText("Started working in this field cannot be later than this month")).toBeTruthy();
  });
});

describe("cross-field checks", () => {
  it("re-check a filled ID number when the birth month changes, without flagging untouched fields", async () => {
    mockCommands(() => null);
    renderForm("zh");
    await type("id_number", "500103198506151236");
    const birth = input("birth_month");
    await act(async () => {
      fireEvent.mouseDown(birth);
      fireEvent.focus(birth);
      fireEvent.change(birth, { target: { value: "1985-07" } });
      fireEvent.keyDown(birth, { key: "Enter", keyCode: 13 });
    });
    expect(await screen.findByText("身份证号中的出生年月为1985-06，与填写的出生年月不一致")).toBeTruthy();
    expect(screen.queryByText("请选择毕业时间")).toBeNull();
    expect(screen.queryByText("请选择从事本领域工作起始年月")).toBeNull();
  });
});

describe("autosave through IPC", () => {
  it("saves the edited profile to the workspace", async () => {
    const saved: Profile[] = [];
    mockCommands((cmd, args) => {
      if (cmd === "profile_save") saved.push((args as { profile: Profile }).profile);
      return null;
    });
    renderForm("zh", example.profile as Profile);
    await type("employer", "重庆市某某设计研究院有限公司");
    await waitFor(() => expect(saved.length).toBeGreaterThan(0), { timeout: 3000 });
    const last = saved[saved.length - 1];
    expect(last.employer).toBe("重庆市某某设计研究院有限公司");
    expect(last.birth_month).toBe("1985-06");
    expect(last.id_number).toBe("500103198506151236");
    expect(await screen.findByText(/已自动保存/)).toBeTruthy();
  });

  it("shows the reason when saving fails, in the user's language", async () => {
    // The shell words errors in the language the page told it; a mock shell that follows it.
    let lang = "zh";
    mockCommands((cmd, args) => {
      if (cmd === "workspace_set_language") lang = (args as { lang: string }).lang;
      if (cmd === "profile_save") {
        const message = lang === "en" ? "Cannot save the file applicant.json: the disk is full" : "无法保存文件 applicant.json：磁盘已满";
        throw { code: "io", message, backup: null, issues: [] };
      }
      return null;
    });
    renderForm("en", example.profile as Profile);
    await type("name", "王芳");
    expect(
      await screen.findByText("Could not save: Cannot save the file applicant.json: the disk is full", {}, { timeout: 3000 }),
    ).toBeTruthy();
  });
});

describe("app start", () => {
  function renderApp(boot?: Boot) {
    return render(
      <I18nProvider lang="zh">
        <AntApp>
          <App boot={boot} />
        </AntApp>
      </I18nProvider>,
    );
  }

  it("draws the form from the answers main.tsx asked for first, in its first frame, and asks no second time", async () => {
    const calls: string[] = [];
    mockCommands((cmd) => {
      calls.push(cmd);
      if (cmd === "profile_load") return { file: example, exists: true, migrated_from: "0.9", personal_locked: false };
      if (cmd === "workspace_info") return { root: "/ws", backups: [] };
      if (cmd === "deadlines_overview" || cmd === "deadlines_notify") return { ...overview2023, round_over: true, reminders: [] };
      return null;
    });
    const boot = startBoot();
    await bootSettled(boot);
    expect(calls.slice(0, 3).sort()).toEqual(["deadlines_overview", "profile_load", "workspace_set_language"]);
    renderApp(boot);
    // No loading spinner first: the form with the file's values, the migration notice and the closed
    // round's banner are there in the very first render.
    expect(input("name").value).toBe("李明");
    expect(screen.getByText(/申报资料来自旧版本（版本 0.9）/)).toBeTruthy();
    expect(screen.getByTestId("round-closed")).toBeTruthy();
    await screen.findByText(/数据保存在：\/ws/);
    expect(calls.filter((c) => c === "profile_load")).toHaveLength(1);
  });

  it("shows a damaged file's choices when the first load failed, without loading again", async () => {
    const calls: string[] = [];
    mockCommands((cmd) => {
      calls.push(cmd);
      if (cmd === "profile_load") throw { code: "corrupt_file", message: "工作区文件 applicant.json 已损坏", backup: null, issues: [] };
      if (cmd === "workspace_info") return { root: "/ws", backups: [] };
      return null;
    });
    const boot = startBoot();
    await bootSettled(boot);
    renderApp(boot);
    expect(screen.getByText("申报资料文件已损坏")).toBeTruthy();
    await screen.findByText(/数据保存在：\/ws/);
    expect(calls.filter((c) => c === "profile_load")).toHaveLength(1);
  });

  it("waits for a first load still under way when the window is drawn (a slow key store)", async () => {
    let answer: (v: unknown) => void = () => {};
    const calls: string[] = [];
    mockCommands((cmd) => {
      calls.push(cmd);
      if (cmd === "profile_load") return new Promise((r) => (answer = r));
      if (cmd === "workspace_info") return { root: "/ws", backups: [] };
      return null;
    });
    const boot = startBoot();
    await bootSettled(boot, 10);
    renderApp(boot);
    expect(screen.getByText("正在打开工作区…")).toBeTruthy();
    await act(async () => answer({ file: example, exists: true, migrated_from: null, personal_locked: false }));
    await waitFor(() => expect(input("name").value).toBe("李明"));
    expect(calls.filter((c) => c === "profile_load")).toHaveLength(1);
  });

  it("loads the saved profile into the form", async () => {
    mockCommands((cmd) => {
      if (cmd === "profile_load") return { file: example, exists: true, migrated_from: null };
      if (cmd === "workspace_info") return { root: "/home/u/.local/share/zhicheng", backups: [] };
      return null;
    });
    renderApp();
    await waitFor(() => expect(input("name").value).toBe("李明"));
    expect(input("employer").value).toBe("重庆某某环保科技有限公司");
    expect(await screen.findByText("数据保存在：/home/u/.local/share/zhicheng · 离线使用，不联网")).toBeTruthy();
  });

  it("after 下一步 the focus is on the new step's heading, so Tab goes on inside the step", async () => {
    const rules = (await import("../../../crates/zhicheng-core/data/rules-2023.json")).default;
    const assessment = (await import("../generated/assessment-example.json")).default;
    mockCommands((cmd) => {
      if (cmd === "profile_load") return { file: example, exists: true, migrated_from: null, personal_locked: false };
      if (cmd === "workspace_info") return { root: "/w", backups: [] };
      if (cmd === "eligibility_rules") return rules;
      if (cmd === "eligibility_assess") return assessment;
      return null;
    });
    renderApp();
    await waitFor(() => expect(input("name").value).toBe("李明"));
    await act(async () => {
      fireEvent.click(screen.getByTestId("wizard-next"));
    });
    await waitFor(() => expect(document.activeElement?.getAttribute("data-testid")).toBe("step-heading"));
    expect(document.activeElement?.textContent).toBe("申报资格");
  });

  it("offers the newest good backup when the file is corrupt", async () => {
    const calls: string[] = [];
    mockCommands((cmd, args) => {
      calls.push(cmd);
      if (cmd === "profile_load")
        throw {
          code: "corrupt_file",
          message: "工作区文件 applicant.json 已损坏",
          backup: { name: "applicant-20261127T080000.000Z.json", saved_at: "2026-11-27T08:00:00Z" },
          issues: [],
        };
      if (cmd === "profile_restore_backup") {
        expect((args as { name: string }).name).toBe("applicant-20261127T080000.000Z.json");
        return { file: example, exists: true, migrated_from: null };
      }
      if (cmd === "workspace_info") return { root: "/ws", backups: [] };
      return null;
    });
    renderApp();
    expect(await screen.findByText("申报资料文件已损坏")).toBeTruthy();
    const restore = await screen.findByRole("button", { name: /恢复备份/ });
    await act(async () => {
      fireEvent.click(restore);
    });
    await waitFor(() => expect(input("name").value).toBe("李明"));
    expect(calls).toContain("profile_restore_backup");
  });

  it("a sealed ID number and phone (vault locked) show as such, raise no error and are saved back unchanged", async () => {
    const sealedId = "sealed:6167652d656e6372797074696f6e";
    const sealedPhone = "sealed:0a1b2c";
    const file = { ...example, profile: { ...example.profile, id_number: sealedId, phone: sealedPhone } };
    const saved: Profile[] = [];
    mockCommands((cmd, args) => {
      if (cmd === "profile_load") return { file, exists: true, migrated_from: null, personal_locked: true };
      if (cmd === "profile_save") saved.push((args as { profile: Profile }).profile);
      if (cmd === "workspace_info") return { root: "/ws", backups: [] };
      return null;
    });
    renderApp();
    expect((await screen.findByText(/身份证号、手机号已加密保存/)).textContent).toContain("佐证材料");
    await waitFor(() => expect(input("id_number").value).toBe("（已加密保存；解锁佐证材料库后可见）"));
    expect(input("id_number").disabled).toBe(true);
    expect(input("phone").disabled).toBe(true);
    await type("name", "李明明");
    await waitFor(() => expect(saved.length).toBeGreaterThan(0), { timeout: 3000 });
    const last = saved[saved.length - 1];
    expect([last.name, last.id_number, last.phone]).toEqual(["李明明", sealedId, sealedPhone]);
    expect(document.querySelector("#profile_id_number_help .ant-form-item-explain-error")).toBeNull();

    // When the key is really lost: clear (after a confirmation) and type it again.
    await act(async () => {
      fireEvent.click(screen.getAllByRole("button", { name: "清除并重新填写" })[0]);
    });
    await act(async () => {
      fireEvent.click(await screen.findByRole("button", { name: /确\s*定|OK/ }));
    });
    await waitFor(() => expect(input("id_number").disabled).toBe(false));
    await type("id_number", "500103198506151236");
    await waitFor(() => expect(saved[saved.length - 1].id_number).toBe("500103198506151236"), { timeout: 3000 });
    expect(saved[saved.length - 1].phone).toBe(sealedPhone);
  });
});
