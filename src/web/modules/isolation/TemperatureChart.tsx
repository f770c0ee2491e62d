import { LineChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Check } from '../../http/isolation';
import { formatDateTime } from '../../shell/dates';

echarts.use([LineChart, GridComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

/**
 * 体温曲线: the temperatures of a person's checks in time order, the fever threshold as a dashed red
 * line, a point at or above it red. Times in Asia/Shanghai (the axis is the checks' times as written).
 */
export function TemperatureChart({ checks, threshold }: { checks: Check[]; threshold: number }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const { labels, values } = useMemo(() => {
    const measured = checks
      .filter((c) => c.temperatureC !== null)
      .sort((a, b) => a.checkedAt.localeCompare(b.checkedAt));
    return {
      labels: measured.map((c) => formatDateTime(c.checkedAt).slice(5)),
      values: measured.map((c) => c.temperatureC as number),
    };
  }, [checks]);
  const thresholdLabel = t('isolation.person.threshold', { t: threshold.toFixed(1) });

  useEffect(() => {
    if (!box.current) return;
    const chart = echarts.init(box.current);
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, []);

  useEffect(() => {
    if (!box.current) return;
    const chart = echarts.getInstanceByDom(box.current);
    if (!chart) return;
    const low = Math.min(35.5, ...values);
    const high = Math.max(threshold + 1, ...values);
    chart.setOption(
      {
        animation: false,
        grid: { left: 48, right: 24, top: 24, bottom: 32 },
        tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${Number(v).toFixed(1)}℃` },
        xAxis: { type: 'category', data: labels, boundaryGap: false },
        yAxis: {
          type: 'value',
          min: Math.floor(low * 2) / 2,
          max: Math.ceil(high * 2) / 2,
          axisLabel: { formatter: '{value}℃' },
        },
        series: [
          {
            type: 'line',
            data: values.map((v) => ({
              value: v,
              itemStyle: { color: v >= threshold ? '#cf1322' : '#1677ff' },
              symbolSize: v >= threshold ? 9 : 6,
            })),
            lineStyle: { color: '#1677ff' },
            markLine: {
              symbol: 'none',
              silent: true,
              lineStyle: { color: '#cf1322', type: 'dashed' },
              label: { formatter: thresholdLabel, position: 'insideEndTop', color: '#cf1322' },
              data: [{ yAxis: threshold }],
            },
          },
        ],
      },
      true,
    );
  }, [labels, values, threshold, thresholdLabel]);

  return (
    <div
      ref={box}
      style={{ width: '100%', height: 260 }}
      data-testid="temperature-chart"
      data-points={values.length}
      role="img"
      aria-label={t('isolation.person.chart')}
    />
  );
}
