/**
 * A knowledge base of any size for the FAQ benchmarks: the evaluation's 44 entries (so its questions have
 * their right answers in it) and, around them, generated entries of a large shop in both languages (product
 * lines × the questions people ask about them), each with two alternatives. The bot's latency benchmark
 * (bench/lib/bot-latency.ts) imports the same knowledge base.
 */
import { EVALUATION_ENTRIES, type FaqInput } from "@/lib/services/faqs";

const ZH_PRODUCTS = ["蓝牙耳机", "智能手表", "充电宝", "瑜伽垫", "保温杯", "双肩包", "运动鞋", "连衣裙", "羽绒服", "电动牙刷", "空气炸锅", "咖啡机", "台灯", "机械键盘", "手机壳", "太阳镜", "行李箱", "加湿器", "吹风机", "筋膜枪"];
const ZH_ASPECTS: [string, string, string][] = [
  ["{p}的保修期是多久？", "{p}保修多长时间", "{p}坏了能修吗"],
  ["{p}有哪些颜色？", "{p}有什么颜色可选", "{p}颜色"],
  ["{p}的尺寸是多少？", "{p}多大", "{p}规格参数"],
  ["{p}怎么使用？", "{p}使用说明", "{p}怎么用"],
  ["{p}防水吗？", "{p}能沾水吗", "{p}防水等级"],
  ["{p}电池能用多久？", "{p}续航时间", "{p}充一次电用几天"],
  ["{p}有现货吗？", "{p}什么时候有货", "{p}库存"],
  ["{p}可以刻字吗？", "{p}定制服务", "{p}能个性化吗"],
  ["{p}有配件吗？", "{p}配件在哪买", "{p}替换配件"],
  ["{p}适合送礼吗？", "{p}有礼盒包装吗", "{p}送人合适吗"],
];
const EN_PRODUCTS = ["wireless earbuds", "smart watch", "power bank", "yoga mat", "water bottle", "backpack", "running shoes", "summer dress", "down jacket", "electric toothbrush", "air fryer", "coffee maker", "desk lamp", "mechanical keyboard", "phone case", "sunglasses", "suitcase", "humidifier", "hair dryer", "massage gun"];
const EN_ASPECTS: [string, string, string][] = [
  ["What is the warranty on the {p}?", "{p} warranty length", "can the {p} be repaired"],
  ["What colours does the {p} come in?", "{p} colour options", "{p} available colours"],
  ["What are the dimensions of the {p}?", "how big is the {p}", "{p} specifications"],
  ["How do I use the {p}?", "{p} instructions", "{p} user manual"],
  ["Is the {p} waterproof?", "can the {p} get wet", "{p} water resistance"],
  ["How long does the {p} battery last?", "{p} battery life", "{p} charging time"],
  ["Is the {p} in stock?", "{p} availability", "when is the {p} restocked"],
  ["Can the {p} be engraved?", "{p} personalisation", "custom {p}"],
  ["Are there accessories for the {p}?", "{p} spare parts", "{p} accessories"],
  ["Is the {p} a good gift?", "{p} gift wrapping", "{p} gift box"],
];

/** `count` entries, the evaluation's first; the generated ones cycle through models ("蓝牙耳机 3 代", "smart watch model 3"). */
export function faqKnowledgeBase(count: number): FaqInput[] {
  const entries: FaqInput[] = EVALUATION_ENTRIES.map((e) => ({
    question: e.question,
    alternatives: e.alternatives,
    answer: { kind: "text", text: e.answer },
    language: e.language,
    category: "FAQ",
  }));
  for (let i = 0; entries.length < count; i++) {
    const zh = i % 2 === 0;
    const n = Math.floor(i / 2);
    const products = zh ? ZH_PRODUCTS : EN_PRODUCTS;
    const aspects = zh ? ZH_ASPECTS : EN_ASPECTS;
    const model = Math.floor(n / (products.length * aspects.length)) + 1;
    const product = zh ? `${products[n % products.length]} ${model} 代` : `${products[n % products.length]} model ${model}`;
    const [question, ...alternatives] = aspects[Math.floor(n / products.length) % aspects.length]!.map((s) => s.replace("{p}", product));
    entries.push({
      question: question!,
      alternatives,
      answer: { kind: "text", text: zh ? `关于${product}：请查看商品页。` : `About the ${product}: see the product page.` },
      language: zh ? "zh-CN" : "en",
      category: zh ? "商品" : "Products",
    });
  }
  return entries.slice(0, count);
}
