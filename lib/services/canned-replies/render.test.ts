import { describe, expect, it } from "vitest";
import { renderCannedReply } from "./constants";

const all = { first_name: "Mei", last_name: "Lin", agent_name: "Alice", page_name: "Tea Shop" };

describe("renderCannedReply", () => {
  it("fills every variable", () => {
    expect(renderCannedReply("Hi {first_name} {last_name}, {agent_name} from {page_name} here.", all)).toBe("Hi Mei Lin, Alice from Tea Shop here.");
  });

  it("drops a missing first name with the gap it leaves", () => {
    const none = { ...all, first_name: null, last_name: "" };
    expect(renderCannedReply("Hi {first_name}, thanks for writing!", none)).toBe("Hi, thanks for writing!");
    expect(renderCannedReply("Thanks {first_name}!", none)).toBe("Thanks!");
    expect(renderCannedReply("{first_name}, welcome to {page_name}.", none)).toBe("welcome to Tea Shop.");
    expect(renderCannedReply("Dear {first_name} {last_name}\nSee you", none)).toBe("Dear\nSee you");
    expect(renderCannedReply("Hi {first_name} from {page_name}", { ...none, first_name: "   " })).toBe("Hi from Tea Shop");
  });

  it("leaves unknown variables visible, and text without variables as it is", () => {
    expect(renderCannedReply("Order {order_id} ships {First_Name} soon, {first_name}", all)).toBe("Order {order_id} ships {First_Name} soon, Mei");
    expect(renderCannedReply("No  variables , here", all)).toBe("No  variables , here");
  });

  it("fills the same variable twice and Chinese text around it", () => {
    expect(renderCannedReply("{first_name}您好！{first_name}，欢迎光临{page_name}。", all)).toBe("Mei您好！Mei，欢迎光临Tea Shop。");
  });
});
