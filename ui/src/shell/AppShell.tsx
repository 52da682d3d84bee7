// The frame every capability plugs into: navigation on the left (only what works is enabled),
// title and language switch on top, where the data lives at the bottom.
import {
  AuditOutlined,
  CalendarOutlined,
  FileProtectOutlined,
  FolderOpenOutlined,
  TrophyOutlined,
} from "@ant-design/icons";
import { Layout, Menu, Segmented, Space, Typography, theme } from "antd";
import type { ReactNode } from "react";
import type { Lang } from "../i18n/catalog";
import { useI18n } from "../i18n/I18n";
import { useTimeline } from "../deadlines/Timeline";

export type Page = "assessment" | "achievements" | "evidence" | "sheet" | "deadlines";

export function AppShell({
  children,
  workspace,
  page,
  onNavigate,
}: {
  children: ReactNode;
  workspace: string | null;
  page: Page;
  onNavigate: (p: Page) => void;
}) {
  const { t, lang, setLang } = useI18n();
  const { token } = theme.useToken();
  const { overview } = useTimeline();
  return (
    // The window never scrolls as a whole: the navigation and the header stay put, only the content
    // scrolls (the footer too stays in view).
    <Layout style={{ height: "100vh", overflow: "hidden" }}>
      <Layout.Sider
        width={200}
        theme="light"
        style={{ borderRight: `1px solid ${token.colorBorderSecondary}`, height: "100vh", overflow: "auto" }}
      >
        <div style={{ padding: "16px 16px 8px", display: "flex", alignItems: "center", gap: 8 }}>
          <img src="/icon.svg" width={28} height={28} alt="" />
          <Typography.Text strong>{t("app.short")}</Typography.Text>
        </div>
        <Menu
          mode="inline"
          selectedKeys={[page]}
          onClick={({ key }) => onNavigate(key as Page)}
          items={[
            { key: "assessment", icon: <AuditOutlined />, label: <span data-testid="nav-assessment">{t("nav.assessment")}</span> },
            { key: "achievements", icon: <TrophyOutlined />, label: <span data-testid="nav-achievements">{t("nav.achievements")}</span> },
            { key: "evidence", icon: <FolderOpenOutlined />, label: <span data-testid="nav-evidence">{t("nav.evidence")}</span> },
            { key: "sheet", icon: <FileProtectOutlined />, label: <span data-testid="nav-sheet">{t("nav.sheet")}</span> },
            { key: "deadlines", icon: <CalendarOutlined />, label: <span data-testid="nav-deadlines">{t("nav.deadlines")}</span> },
          ]}
        />
      </Layout.Sider>
      <Layout style={{ height: "100vh", minWidth: 0 }}>
        <Layout.Header
          style={{
            background: token.colorBgContainer,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
            padding: "0 24px",
            display: "flex",
            alignItems: "center",
            justifyContent: "space-between",
            height: 64,
            flex: "none",
            gap: 16,
            whiteSpace: "nowrap",
          }}
        >
          {/* No wrapping in the header (960 px windows, long English): the title and round shorten with an ellipsis. */}
          <div style={{ lineHeight: 1.3, minWidth: 0, overflow: "hidden" }}>
            <Typography.Title level={4} style={{ margin: 0 }} ellipsis>
              {t("app.title")}
            </Typography.Title>
            <Typography.Text type="secondary" style={{ fontSize: 12, display: "block" }} ellipsis>
              {/* The round in force (the one every page judges by), not a fixed notice. */}
              <span data-testid="header-round">
                {t("app.subtitle", { notice: overview?.round.notice ?? "渝经信发〔2023〕89号" })}
              </span>
            </Typography.Text>
          </div>
          <Space style={{ flex: "none" }}>
            <Typography.Text type="secondary">{t("app.language")}</Typography.Text>
            <Segmented<Lang>
              aria-label={t("app.language")}
              value={lang}
              onChange={setLang}
              options={[
                { value: "zh", label: "中文" },
                { value: "en", label: "English" },
              ]}
            />
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 24, overflow: "auto", flex: "1 1 auto", minHeight: 0 }} data-testid="content">
          {children}
        </Layout.Content>
        <Layout.Footer style={{ padding: "8px 24px", fontSize: 12, flex: "none", whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis" }}>
          <Typography.Text type="secondary">
            {workspace ? t("app.workspace", { path: workspace }) : ""} · {t("app.offline")}
          </Typography.Text>
        </Layout.Footer>
      </Layout>
    </Layout>
  );
}
