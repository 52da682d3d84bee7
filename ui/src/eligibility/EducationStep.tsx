// 学历与年限: the rows of the education × years table per level, with the months counted live.
import { Alert, Button, Card, Descriptions, Space, Tag, Typography } from "antd";
import type { Assessment, Profile } from "../bindings";
import type { MessageKey } from "../i18n/catalog";
import { useI18n } from "../i18n/I18n";

export function EducationStep({ profile, assessment, onEditProfile }: { profile: Profile; assessment: Assessment; onEditProfile: () => void }) {
  const { t } = useI18n();
  const first = assessment.levels[0]?.education;
  const months = first?.months_counted ?? null;
  return (
    <Card>
      <Space orientation="vertical" style={{ width: "100%" }} size="middle">
        <Space wrap>
          <Typography.Text>
            {t("el.educationSummary", {
              education: profile.education ? t(`education.${profile.education}` as MessageKey) : "—",
              degree: profile.degree ? t(`degree.${profile.degree}` as MessageKey) : "—",
              start: profile.field_start_month ?? "—",
            })}
          </Typography.Text>
          <Button size="small" onClick={onEditProfile}>
            {t("el.editProfile")}
          </Button>
        </Space>
        {first?.field_start_late ? (
          <Alert type="error" showIcon data-testid="start-late" title={t("el.startLate", { start: profile.field_start_month ?? "—" })} />
        ) : months === null ? (
          <Alert type="warning" showIcon title={t("el.noStart")} />
        ) : (
          <Alert
            type="info"
            showIcon
            data-testid="months-counted"
            message={t("el.monthsCounted", {
              y: Math.floor(Math.max(0, months) / 12),
              m: Math.max(0, months) % 12,
              months,
              cutoff: first!.cutoff,
            })}
          />
        )}
        {assessment.levels.map((l) => (
          <Descriptions
            key={l.level}
            size="small"
            bordered
            column={1}
            title={`${t(`el.level.${l.level}` as MessageKey)}${t("list.paren", { x: l.clause })}`}
            items={l.education.rows.map((r) => ({
              key: r.row,
              label: `${t(`el.row.${r.row}` as MessageKey)}${t("clause.sep")}${r.years ? t("el.rowYears", { n: r.years }) : t("el.rowNoYears")}`,
              children: r.met ? (
                <Tag color="green">{t("el.rowMet")}</Tag>
              ) : !r.qualified ? (
                <Tag>{t("el.rowNoQualification")}</Tag>
              ) : (
                <Tag color="orange">{t("el.rowShort", { n: r.months_short })}</Tag>
              ),
            }))}
          />
        ))}
      </Space>
    </Card>
  );
}
