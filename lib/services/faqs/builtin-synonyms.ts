/**
 * Words customers of an online shop use for the same thing, in both languages, applied to every organisation's
 * knowledge base before its own synonym list (whose groups win where a word is in both). Kept to customer
 * service: each group is one idea a shopper asks about, so that "几天能收到" meets "多久能到" and "it came
 * broken" meets "arrived damaged". An organisation adds its own words (product names, brand terms) on the
 * FAQ page's synonyms.
 */
export const BUILTIN_SYNONYMS: string[][] = [
  // Chinese
  ["多久", "多长时间", "几天", "多少天", "多长", "要多久"],
  ["收到", "到货", "送达", "送到", "到达"],
  ["发货", "寄出", "出货", "发出", "邮寄"],
  ["退货", "退回", "寄回"],
  ["退款", "退钱", "返款", "钱退"],
  ["坏", "损坏", "破损", "碎", "坏了", "破了", "有问题"],
  ["发错", "不对", "不一样", "错了", "搞错"],
  ["取消", "撤销", "撤单", "不要了", "不买了", "不想买"],
  ["价格", "价钱", "多少钱", "报价", "便宜"],
  ["打折", "折扣", "优惠", "活动", "促销", "优惠码", "折扣码"],
  ["有货", "现货", "库存", "缺货", "补货", "卖完", "售罄", "没货"],
  ["保修", "质保", "保修期", "质保期", "维修"],
  ["关税", "进口税", "海关", "清关"],
  ["尺码", "码数", "尺寸", "大小", "多大码"],
  ["付款", "支付", "付钱", "买单", "微信支付", "支付宝", "信用卡", "银行卡"],
  ["发票", "收据", "报销"],
  ["国家", "海外", "国外", "国际"],
  ["客服", "人工", "工作人员", "有人", "人工客服"],
  ["上班", "工作时间", "营业时间", "在线", "几点"],
  ["批发", "批量", "大量", "代理", "经销", "采购"],
  ["运费", "邮费", "快递费", "配送费"],
  // English
  ["ship", "dispatch", "send out", "sent out", "post", "mail"],
  ["deliver", "delivery", "arrive", "receive", "get here", "come"],
  ["long", "days", "how soon", "weeks"],
  ["return", "send back", "send it back", "sent back"],
  ["refund", "money back", "reimburse", "reimbursement"],
  ["damaged", "broken", "crushed", "cracked", "smashed", "faulty", "defective"],
  ["wrong", "incorrect", "not what i ordered", "different"],
  ["cancel", "call off", "cancellation"],
  ["price", "cost", "charge", "fee", "how much", "postage"],
  ["discount", "promo", "promo code", "coupon", "voucher", "deal", "sale", "discount code"],
  ["stock", "in stock", "restock", "sold out", "available", "availability", "back in stock"],
  ["warranty", "guarantee", "repair", "covered"],
  ["customs", "duty", "duties", "import tax", "import duty", "tariff"],
  ["size", "sizing", "size chart", "size guide", "run small", "run large"],
  ["pay", "payment", "credit card", "card", "paypal", "apple pay", "alipay"],
  ["invoice", "receipt", "vat invoice"],
  ["country", "countries", "international", "internationally", "abroad", "overseas"],
  ["customer service", "support", "agent", "agents", "someone", "staff"],
  ["hours", "open", "online", "weekend", "weekends", "opening hours"],
  ["wholesale", "bulk", "reseller", "resell", "distributor", "pieces"],
  ["address", "delivery address", "shipping address"],
];
