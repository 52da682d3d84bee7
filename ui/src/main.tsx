import { App as AntApp, ConfigProvider } from "antd";
import enUS from "antd/locale/en_US";
import zhCN from "antd/locale/zh_CN";
import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import { StrictMode, useEffect } from "react";
// antd's styles as one static file (zero-runtime mode below): no style is computed and injected while
// the first screen renders.
import "antd/dist/antd.css";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { bootSettled, startBoot, type Boot } from "./boot";
import { I18nProvider, useI18n } from "./i18n/I18n";
import { keepClearButtonsOutOfTabOrder } from "./shell/clearButtons";
import "./styles.css";

function Localized({ boot }: { boot: Boot }) {
  const { lang, t } = useI18n();
  useEffect(() => {
    dayjs.locale(lang === "zh" ? "zh-cn" : "en");
    document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  }, [lang]);
  useEffect(() => keepClearButtonsOutOfTabOrder(document.body, t("common.clear")), [t]);
  return (
    <ConfigProvider
      locale={lang === "zh" ? zhCN : enUS}
      button={{ autoInsertSpace: false }}
      theme={{ zeroRuntime: true, token: { colorPrimary: "#15803d", borderRadius: 6 } }}
    >
      <AntApp>
        <App boot={boot} />
      </AntApp>
    </ConfigProvider>
  );
}

// The profile and the deadlines are asked for first, while the thread is idle; the page is drawn once
// they have answered (boot.ts). Until then the window shows index.html's empty frame.
const boot = startBoot();
void bootSettled(boot).then(() =>
  createRoot(document.getElementById("root")!).render(
    <StrictMode>
      <I18nProvider>
        <Localized boot={boot} />
      </I18nProvider>
    </StrictMode>,
  ),
);
