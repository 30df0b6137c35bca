/**
 * The held-out evaluation set of the matcher: a knowledge base of a cross-border shop (Chinese and English
 * entries, each with the alternatives a KB editor would write, and the shop's synonym list), three paraphrases
 * per entry that are NOT in the knowledge base (written as customers write: short, colloquial, typos left
 * out), and questions the knowledge base cannot answer. The thresholds in ../thresholds.ts are chosen on it.
 */
import type { BotLanguage } from "@/lib/services/bot";

export interface EvaluationEntry {
  key: string;
  language: BotLanguage;
  question: string;
  alternatives: string[];
  answer: string;
  /** Other ways to ask, not in the knowledge base: the matcher should find `key` for each. */
  paraphrases: [string, string, string];
}

export const EVALUATION_SYNONYMS: string[][] = [
  ["包邮", "免运费", "免邮", "不要运费", "免费配送"],
  ["运费", "邮费", "快递费", "配送费"],
  ["订单", "包裹", "快递"],
  ["退款", "退钱", "返款"],
  ["发货", "寄出", "出货"],
  ["优惠券", "折扣码", "优惠码", "券"],
  ["客服", "人工", "工作人员"],
  ["尺码", "码数", "尺寸"],
  ["付款", "支付", "付钱", "买单"],
  ["发票", "收据"],
  ["order", "package", "parcel", "shipment"],
  ["refund", "money back", "reimburse"],
  ["coupon", "promo code", "discount code", "voucher"],
  ["cancel", "call off"],
  ["size", "sizing", "fit"],
  ["pay", "payment", "checkout"],
  ["invoice", "receipt"],
  ["free shipping", "ship for free", "no shipping fee", "shipping free"],
  ["customs", "import duty", "import tax", "duties"],
];

export const EVALUATION_ENTRIES: EvaluationEntry[] = [
  // Chinese
  { key: "zh-free-shipping", language: "zh-CN", question: "是否包邮？", alternatives: ["满多少包邮", "订单满额包邮规则", "有免运费的活动吗"], answer: "订单满 49 美元包邮。", paraphrases: ["包邮吗", "买东西要付运费吗", "多少钱可以免运费"] },
  { key: "zh-shipping-cost", language: "zh-CN", question: "运费怎么算？", alternatives: ["运费是多少", "国际运费标准", "快递费怎么收取"], answer: "运费按重量计算，结账时显示。", paraphrases: ["邮费多少钱", "寄到美国快递费要多少", "配送费怎么收"] },
  { key: "zh-delivery-time", language: "zh-CN", question: "发货后多久能到？", alternatives: ["配送时间要多久", "配送时效", "物流要多长时间"], answer: "一般 7 到 15 个工作日送达。", paraphrases: ["几天能收到货", "寄到英国要多长时间", "多久才能到"] },
  { key: "zh-dispatch-time", language: "zh-CN", question: "下单后多久发货？", alternatives: ["什么时候发货", "付款后多久发出", "发货时间"], answer: "付款后 48 小时内发货。", paraphrases: ["拍了什么时候寄出", "今天下单明天能发吗", "几天内出货"] },
  { key: "zh-tracking", language: "zh-CN", question: "怎么查询物流信息？", alternatives: ["我的订单到哪里了", "查看物流进度", "怎么跟踪包裹"], answer: "在订单页面点击“查看物流”。", paraphrases: ["快递到哪了", "物流单号在哪看", "我的包裹怎么还没到"] },
  { key: "zh-return", language: "zh-CN", question: "怎么退货？", alternatives: ["可以退货吗", "退货规则", "如何把商品退回"], answer: "收货 30 天内可申请退货。", paraphrases: ["不想要了能退吗", "退货流程是什么", "买错了可以退回去吗"] },
  { key: "zh-refund-time", language: "zh-CN", question: "退款多久到账？", alternatives: ["退款什么时候到", "退款进度", "退的钱什么时候到账"], answer: "退款 3 到 5 个工作日原路返回。", paraphrases: ["钱什么时候退回来", "退钱要等几天", "退款还没收到"] },
  { key: "zh-exchange", language: "zh-CN", question: "可以换货吗？", alternatives: ["怎么换尺码", "能不能换货", "换货规则"], answer: "30 天内可免费换一次尺码或颜色。", paraphrases: ["尺寸不合适能换吗", "想换个颜色", "换货怎么弄"] },
  { key: "zh-size-guide", language: "zh-CN", question: "尺码怎么选？", alternatives: ["有尺码表吗", "尺码对照表", "怎么选择合适的尺寸"], answer: "请参考商品页的尺码表。", paraphrases: ["我穿多大码", "码数偏大还是偏小", "身高170穿什么尺寸"] },
  { key: "zh-payment-methods", language: "zh-CN", question: "支持哪些付款方式？", alternatives: ["可以用支付宝吗", "怎么支付", "付款渠道"], answer: "支持 PayPal、信用卡和支付宝。", paraphrases: ["能用微信支付吗", "怎么付钱", "可以信用卡付款吗"] },
  { key: "zh-coupon", language: "zh-CN", question: "优惠券怎么用？", alternatives: ["有优惠码吗", "优惠券使用规则", "促销信息"], answer: "在结账页输入优惠码即可。", paraphrases: ["折扣码在哪里输入", "券用不了", "有没有打折活动"] },
  { key: "zh-cancel", language: "zh-CN", question: "怎么取消订单？", alternatives: ["订单可以取消吗", "取消订单规则", "下单后还能取消吗"], answer: "发货前可在订单页取消。", paraphrases: ["下错单了想取消", "不想买了能撤销吗", "取消订单怎么操作"] },
  { key: "zh-change-address", language: "zh-CN", question: "怎么修改收货地址？", alternatives: ["地址填错了", "更改配送地址", "下单后能修改地址吗"], answer: "发货前联系客服修改地址。", paraphrases: ["收货地址写错了怎么办", "能改地址吗", "换个地址寄"] },
  { key: "zh-customs", language: "zh-CN", question: "需要交关税吗？", alternatives: ["关税谁付", "关税政策", "进口税怎么算"], answer: "欧盟订单已含税，其他地区可能需自付关税。", paraphrases: ["进口税要自己出吗", "会不会被海关扣税", "关税包含在价格里吗"] },
  { key: "zh-invoice", language: "zh-CN", question: "可以开发票吗？", alternatives: ["怎么要发票", "开具发票", "电子发票怎么申请"], answer: "下单后在订单页申请电子发票。", paraphrases: ["能给开个收据吗", "发票怎么开", "需要报销用的发票"] },
  { key: "zh-warranty", language: "zh-CN", question: "产品有保修吗？", alternatives: ["保修多久", "售后保修政策", "维修服务"], answer: "电子产品保修一年。", paraphrases: ["坏了可以保修吗", "质保期是多长", "保修期内免费修吗"] },
  { key: "zh-damaged", language: "zh-CN", question: "收到的商品坏了怎么办？", alternatives: ["商品有破损", "商品损坏了", "运输途中损坏"], answer: "请拍照发给我们，我们会补发或退款。", paraphrases: ["东西到的时候就是坏的", "包装破了里面也碎了", "收到货有损坏"] },
  { key: "zh-wrong-item", language: "zh-CN", question: "发错货了怎么办？", alternatives: ["收到的不是我买的", "商品与订单不符", "寄错了怎么处理"], answer: "请提供照片，我们免费补发正确的商品。", paraphrases: ["寄来的东西不对", "颜色发错了", "收到的款式和订的不一样"] },
  { key: "zh-stock", language: "zh-CN", question: "这个商品还有货吗？", alternatives: ["什么时候补货", "到货通知", "库存查询"], answer: "商品页显示库存，缺货可订阅到货通知。", paraphrases: ["卖完了还会补吗", "缺货什么时候有", "有现货吗"] },
  { key: "zh-wholesale", language: "zh-CN", question: "可以批发吗？", alternatives: ["大量购买有优惠吗", "批发价是多少", "经销合作"], answer: "批发请发邮件到 sales@example.com。", paraphrases: ["买一百件能便宜点吗", "批量采购价格", "做代理怎么合作"] },
  { key: "zh-countries", language: "zh-CN", question: "可以寄到哪些国家？", alternatives: ["能发到海外吗", "支持寄往哪些国家", "国外能买吗"], answer: "我们寄往 60 多个国家和地区。", paraphrases: ["发不发加拿大", "能寄到澳大利亚吗", "支持国际配送吗"] },
  { key: "zh-hours", language: "zh-CN", question: "客服工作时间是什么时候？", alternatives: ["客服几点上班", "在线客服时间", "节假日客服安排"], answer: "北京时间 9:00 到 21:00。", paraphrases: ["人工客服什么时候在", "几点有人回复", "晚上有客服吗"] },
  // English
  { key: "en-free-shipping", language: "en", question: "Do you offer free shipping?", alternatives: ["Is shipping free?", "Shipping included in the price?", "Free shipping minimum"], answer: "Free shipping on orders over $49.", paraphrases: ["do i have to pay for shipping", "free delivery?", "how much do I need to spend for free shipping"] },
  { key: "en-shipping-cost", language: "en", question: "How much does shipping cost?", alternatives: ["What are the shipping fees?", "What does delivery cost?", "Shipping rates"], answer: "Shipping is by weight, shown at checkout.", paraphrases: ["shipping price to the US", "how much is delivery", "what do you charge for postage"] },
  { key: "en-delivery-time", language: "en", question: "How long does delivery take?", alternatives: ["When will my order arrive?", "How many days does shipping take?", "Estimated arrival date"], answer: "Usually 7 to 15 business days.", paraphrases: ["how many days to get my stuff", "how long until it arrives in the UK", "delivery time to Germany"] },
  { key: "en-dispatch-time", language: "en", question: "When do you ship my order?", alternatives: ["How soon is my order dispatched?", "Order processing time", "Processing time before dispatch"], answer: "Within 48 hours of payment.", paraphrases: ["has my order been sent out yet", "how long before you dispatch", "when will it be shipped"] },
  { key: "en-tracking", language: "en", question: "Where is my order?", alternatives: ["How do I track my order?", "Track my shipment", "Order tracking"], answer: "Open the order page and tap Track.", paraphrases: ["where is my package", "tracking number please", "my parcel hasn't arrived, where is it"] },
  { key: "en-return", language: "en", question: "How do I return an item?", alternatives: ["Can I return my order?", "Return policy", "How can I send an item back?"], answer: "Returns within 30 days of delivery.", paraphrases: ["i want to send it back", "what is your return policy", "can i return this if i don't like it"] },
  { key: "en-refund-time", language: "en", question: "When will I get my refund?", alternatives: ["How long does a refund take?", "Refund processing time", "Refund status"], answer: "3 to 5 business days to the original payment.", paraphrases: ["still waiting for my money back", "refund not received", "how many days for the refund"] },
  { key: "en-exchange", language: "en", question: "Can I exchange an item?", alternatives: ["How do I swap for a different size?", "Can I change the size or colour?", "Exchange policy"], answer: "One free exchange of size or colour within 30 days.", paraphrases: ["wrong size, can i exchange it", "i want a different colour", "exchange for a bigger one"] },
  { key: "en-size-guide", language: "en", question: "How do I choose my size?", alternatives: ["Do you have a size chart?", "Which size fits me?", "Size recommendations"], answer: "See the size chart on the product page.", paraphrases: ["what size should i get", "do your clothes run small", "size guide for shoes"] },
  { key: "en-payment-methods", language: "en", question: "Which payment methods do you accept?", alternatives: ["Can I pay with PayPal?", "Payment options", "Do you accept credit cards?"], answer: "PayPal, credit cards and Alipay.", paraphrases: ["do you take credit cards", "can i pay with apple pay", "how can I pay"] },
  { key: "en-coupon", language: "en", question: "How do I use a coupon?", alternatives: ["Do you have a discount code?", "Current promotions", "Where do I enter a promo code?"], answer: "Enter the code at checkout.", paraphrases: ["my promo code doesn't work", "where do i enter the voucher", "any discounts right now"] },
  { key: "en-cancel", language: "en", question: "How do I cancel my order?", alternatives: ["Can I cancel an order?", "Cancel order", "I want to cancel my purchase"], answer: "Before dispatch, on the order page.", paraphrases: ["i ordered by mistake, cancel please", "i want to cancel", "how to cancel a purchase"] },
  { key: "en-change-address", language: "en", question: "How do I change my shipping address?", alternatives: ["I entered the wrong address", "Edit the address on my order", "Update shipping address"], answer: "Contact us before dispatch to change it.", paraphrases: ["wrong address on my order", "can i update the delivery address", "need to change where it's going"] },
  { key: "en-customs", language: "en", question: "Do I have to pay customs duties?", alternatives: ["Who pays import taxes?", "Are import taxes included?", "Import charges"], answer: "EU orders include duties; elsewhere they may apply.", paraphrases: ["will i be charged import tax", "are duties included in the price", "customs fees for Canada"] },
  { key: "en-invoice", language: "en", question: "Can I get an invoice?", alternatives: ["How do I get a receipt?", "Do you provide VAT invoices?", "Receipt for my order"], answer: "Request an e-invoice on the order page.", paraphrases: ["i need a receipt for my purchase", "send me an invoice", "vat invoice for my company"] },
  { key: "en-warranty", language: "en", question: "Is there a warranty?", alternatives: ["How long is the warranty?", "Warranty repair", "Is the product guaranteed?"], answer: "Electronics carry a one-year warranty.", paraphrases: ["is it covered by warranty", "warranty period", "will you repair it under warranty"] },
  { key: "en-damaged", language: "en", question: "My item arrived damaged, what do I do?", alternatives: ["The product is broken", "Product damaged in transit", "Damaged item"], answer: "Send us a photo; we resend or refund.", paraphrases: ["it came broken", "the box was crushed and the item is damaged", "received a damaged product"] },
  { key: "en-wrong-item", language: "en", question: "I received the wrong item", alternatives: ["You sent me the wrong product", "Incorrect product sent", "The item I got does not match my order"], answer: "Send a photo; we ship the right one free.", paraphrases: ["this is not what i ordered", "got the wrong colour", "wrong item in my package"] },
  { key: "en-stock", language: "en", question: "Is this item in stock?", alternatives: ["When will it be restocked?", "Out of stock", "Do you have this in stock?"], answer: "Stock shows on the product page; subscribe to restock alerts.", paraphrases: ["is it available", "sold out, will you restock", "when is it back in stock"] },
  { key: "en-wholesale", language: "en", question: "Do you sell wholesale?", alternatives: ["Are there bulk discounts?", "Volume pricing", "Can I resell your products?"], answer: "Email sales@example.com for wholesale.", paraphrases: ["price for 100 pieces", "bulk order discount", "can i become a reseller"] },
  { key: "en-countries", language: "en", question: "Which countries do you ship to?", alternatives: ["Do you ship internationally?", "Do you ship to my country?", "Shipping destinations"], answer: "We ship to over 60 countries and regions.", paraphrases: ["do you deliver to australia", "can you ship to canada", "international shipping available?"] },
  { key: "en-hours", language: "en", question: "What are your customer service hours?", alternatives: ["When is support available?", "Support opening hours", "What time does customer service open?"], answer: "9:00 to 21:00 Beijing time.", paraphrases: ["what time are agents online", "are you open on weekends", "when can i talk to someone"] },
];

/** Questions the knowledge base cannot answer: the matcher should not answer them with confidence. */
export const OUT_OF_SCOPE: { language: BotLanguage; text: string }[] = [
  ...[
    "今天天气怎么样",
    "你叫什么名字",
    "推荐一部好看的电影",
    "北京到上海的高铁几点",
    "帮我写一首诗",
    "你们老板是谁",
    "附近有什么好吃的",
    "人民币兑美元汇率多少",
    "手机屏幕碎了怎么修",
    "怎么学英语",
    "明天会下雨吗",
    "你是机器人吗",
    "这个月的工资什么时候发",
    "狗狗不吃饭怎么办",
    "世界杯谁赢了",
    "帮我订一张机票",
    "怎么减肥",
    "电脑开不了机",
    "你们招聘吗",
    "中秋节放假几天",
  ].map((text) => ({ language: "zh-CN" as const, text })),
  ...[
    "what's the weather like today",
    "tell me a joke",
    "who won the football game last night",
    "how do i learn to code",
    "recommend a good movie",
    "what is the capital of france",
    "are you a robot",
    "my laptop won't turn on",
    "how do I lose weight",
    "book me a flight to paris",
    "what is the meaning of life",
    "are you hiring",
    "how old are you",
    "can you help me with my homework",
    "what's the exchange rate for euros",
    "my dog is sick",
    "write me a poem",
    "what time is it in tokyo",
    "who is your ceo",
    "is bitcoin a good investment",
  ].map((text) => ({ language: "en" as const, text })),
];
