import { App as AntApp, Alert, Button, Card, Result, Space, Spin, Steps } from "antd";
import dayjs from "dayjs";
import { useCallback, useEffect, useState } from "react";
import type { ErrorPayload, Loaded } from "./bindings";
import { api, errorText } from "./api/ipc";
import { useI18n } from "./i18n/I18n";
import { ProfileForm } from "./profile/ProfileForm";
import { DeadlinesPage } from "./deadlines/DeadlinesPage";
import { AppShell, type Page } from "./shell/AppShell";

type LoadState = { kind: "loading" } | { kind: "ready"; loaded: Loaded } | { kind: "failed"; error: ErrorPayload };

export function App() {
  const { t } = useI18n();
  const { modal } = AntApp.useApp();
  const [state, setState] = useState<LoadState>({ kind: "loading" });
  const [workspace, setWorkspace] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [page, setPage] = useState<Page>("assessment");

  const load = useCallback(async () => {
    setState({ kind: "loading" });
    try {
      setState({ kind: "ready", loaded: await api.loadProfile() });
    } catch (e) {
      setState({ kind: "failed", error: e as ErrorPayload });
    }
    api.workspaceInfo().then((i) => setWorkspace(i.root), () => setWorkspace(null));
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const act = async (f: () => Promise<Loaded>) => {
    setBusy(true);
    try {
      setState({ kind: "ready", loaded: await f() });
    } catch (e) {
      setState({ kind: "failed", error: e as ErrorPayload });
    } finally {
      setBusy(false);
    }
  };

  let body;
  if (state.kind === "loading") {
    body = <Spin description={t("load.loading")} size="large"><div style={{ height: 200 }} /></Spin>;
  } else if (state.kind === "failed") {
    const e = state.error;
    const corrupt = e.code === "corrupt_file";
    body = (
      <Result
        status="warning"
        title={corrupt ? t("load.corruptTitle") : t("load.failedTitle")}
        subTitle={
          <Space orientation="vertical">
            <span data-testid="load-error">{errorText(t, e)}</span>
            {corrupt && <span>{t("load.corruptBody")}</span>}
            {corrupt && !e.backup && <span>{t("load.noBackup")}</span>}
          </Space>
        }
        extra={
          corrupt ? (
            <Space>
              {e.backup && (
                <Button type="primary" loading={busy} onClick={() => void act(() => api.restoreBackup(e.backup!.name))}>
                  {t("load.restore", { time: dayjs(e.backup.saved_at).format("YYYY-MM-DD HH:mm") })}
                </Button>
              )}
              <Button
                danger
                disabled={busy}
                onClick={() =>
                  modal.confirm({
                    title: t("load.startOverConfirmTitle"),
                    content: t("load.startOverConfirmBody"),
                    okText: t("common.confirm"),
                    cancelText: t("common.cancel"),
                    onOk: () => act(api.startOver),
                  })
                }
              >
                {t("load.startOver")}
              </Button>
            </Space>
          ) : (
            <Button onClick={() => void load()}>{t("load.retry")}</Button>
          )
        }
      />
    );
  } else {
    const { loaded } = state;
    body = (
      <Space orientation="vertical" style={{ width: "100%" }} size="middle">
        <Steps
          size="small"
          current={0}
          items={[
            { title: t("wizard.basic") },
            { title: t("wizard.exclusions"), disabled: true, subTitle: t("nav.comingSoon") },
            { title: t("wizard.education"), disabled: true },
            { title: t("wizard.achievements"), disabled: true },
            { title: t("wizard.result"), disabled: true },
          ]}
        />
        {loaded.migrated_from !== null && <Alert type="info" showIcon message={t("load.migrated", { version: loaded.migrated_from })} />}
        <Card title={t("wizard.basic")} variant="borderless">
          <ProfileForm initial={loaded.file.profile} />
        </Card>
      </Space>
    );
  }
  return (
    <AppShell workspace={workspace} page={page} onNavigate={setPage}>
      {/* The form stays mounted while another page shows, so no edit is lost between pages. */}
      <div style={{ display: page === "assessment" ? undefined : "none" }}>{body}</div>
      {page === "deadlines" && <DeadlinesPage />}
    </AppShell>
  );
}
