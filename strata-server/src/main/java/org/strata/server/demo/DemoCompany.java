package org.strata.server.demo;

import org.strata.server.demo.DemoCatalogue.Region;
import org.strata.server.demo.DemoCatalogue.Source;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Invents the demo company's customers and their two years of history and hands the rows to a {@link DemoWriter}.
 * Every random choice comes from one seeded generator in a fixed order, so equal settings give equal data.
 */
final class DemoCompany {

    enum Segment { LOYAL, REGULAR, OCCASIONAL, CHURNED, ONE_TIME, LEAD }

    /** A customer being invented; id is known once the row is written. */
    static final class Customer {
        long id;
        String externalId;
        String name;
        boolean company;
        String phone;
        String email;
        Long ownerId;
        Long teamId;
        String industry;
        Region region;
        String city;
        Source source;
        OffsetDateTime createdAt;
        String attributes;
        Long mergedInto;
        Segment segment;
        int firstActiveDay;
        int lastActiveDay;
        double ordersPerDay;
        double spendScale;
        int realisedOrders;
        BigDecimal spent = BigDecimal.ZERO.setScale(2);
        OffsetDateTime firstOrderAt;
        OffsetDateTime lastOrderAt;

        /** Keeps the statistics CustomerStatsRefresher would compute, so that they need not be recomputed. */
        void count(OffsetDateTime at, BigDecimal amount, BigDecimal refund, String status) {
            if (status.equals("completed") || status.equals("partially_refunded")) {
                realisedOrders++;
                spent = spent.add(amount).subtract(refund);
                firstOrderAt = firstOrderAt == null || at.isBefore(firstOrderAt) ? at : firstOrderAt;
                lastOrderAt = lastOrderAt == null || at.isAfter(lastOrderAt) ? at : lastOrderAt;
            }
        }

        Object[] row() {
            return new Object[] {id, externalId, name, company ? "company" : "person", phone, email, ownerId, teamId,
                    industry, region.name(), source.name(), createdAt, createdAt, attributes, mergedInto};
        }

        Object[] figures() {
            return new Object[] {id, realisedOrders, spent, firstOrderAt, lastOrderAt};
        }
    }

    private static final DateTimeFormatter ORDER_DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final String[] QQ_LIKE_DOMAINS = {"qq.com", "163.com", "126.com", "sina.com", "foxmail.com"};
    private static final String[] SYLLABLES = {"wei", "fang", "na", "min", "jing", "li", "qiang", "lei", "jun",
            "yang", "yong", "yan", "jie", "tao", "ming", "chao", "xia", "ping", "hua", "yu", "hao", "ting", "xue",
            "lin", "chen", "xin", "yi", "zi", "han", "xuan", "bo", "wen", "si", "jia", "jun", "ran", "kai", "ning"};
    private static final String[] MOBILE_PREFIXES = {"130", "131", "132", "133", "135", "136", "137", "138", "139",
            "150", "151", "152", "155", "157", "158", "159", "166", "176", "177", "180", "181", "182", "186", "187",
            "188", "189", "191", "198", "199"};
    private static final List<Integer> HOURS = IntStream.range(0, 24).boxed().toList();
    private static final double[] CONSUMER_HOURS = {1, 0.5, 0.2, 0.1, 0.1, 0.2, 0.5, 1, 2, 3, 4, 4, 5, 4, 3, 3, 3, 4,
            5, 6, 8, 9, 7, 3};
    private static final double[] BUSINESS_HOURS = {0, 0, 0, 0, 0, 0, 0, 0.2, 1, 5, 6, 5, 2, 3, 6, 6, 5, 3, 1, 0.3,
            0.1, 0, 0, 0};

    private final DemoSettings settings;
    private final DemoRandom random;
    private final DemoWriter writer;
    private final Map<String, Long> userIds;
    private final Map<String, Long> teamIds;
    private final ZoneId zone;
    private final OffsetDateTime now;
    private final LocalDate firstDay;
    private final int days;
    private final double[] consumerWeight;
    private final double[] businessWeight;
    private final Set<String> phones = new HashSet<>();
    private final Set<String> emails = new HashSet<>();
    private final Set<String> companyNames = new HashSet<>();
    private final Set<String> externalIds = new HashSet<>();
    private final List<Object[]> historyRows = new ArrayList<>();
    private final List<DemoTable> historyTables = new ArrayList<>();
    private long nextCustomerId;
    private int phonesSpoilt;
    private int emailsSpoilt;
    private long orderSequence;
    private long eventSequence;

    /** @param firstCustomerId the id of the first customer written; the ones after it follow without gaps */
    DemoCompany(DemoSettings settings, DemoWriter writer, Map<String, Long> userIds, Map<String, Long> teamIds,
                long firstCustomerId) {
        this.nextCustomerId = firstCustomerId;
        this.settings = settings;
        this.random = new DemoRandom(settings.seed());
        this.writer = writer;
        this.userIds = userIds;
        this.teamIds = teamIds;
        this.zone = settings.zone();
        this.now = settings.now().atZone(zone).toOffsetDateTime();
        LocalDate today = now.toLocalDate();
        this.firstDay = today.minusYears(2).plusDays(1);
        this.days = (int) ChronoUnit.DAYS.between(firstDay, today) + 1;
        this.consumerWeight = cumulative(Seasonality::consumer);
        this.businessWeight = cumulative(Seasonality::business);
    }

    /** Running sums of the seasonal factor, so that a day can be drawn in proportion to it by binary search. */
    private double[] cumulative(java.util.function.Function<LocalDate, Double> factor) {
        double[] sums = new double[days + 1];
        for (int d = 0; d < days; d++) {
            sums[d + 1] = sums[d] + factor.apply(firstDay.plusDays(d));
        }
        return sums;
    }

    /**
     * Writes the company and returns the ids of the customers whose order statistics still need computing (the
     * survivors of merges, which count their duplicates' orders, and the customers given a zero-amount gift order).
     */
    List<Long> build() {
        List<Customer> customers = new ArrayList<>(settings.customers());
        for (int i = 0; i < settings.customers(); i++) {
            Customer customer = newCustomer();
            spoilContactDetails(customer);
            history(customer);
            write(customer);
            customers.add(customer);
        }
        List<Long> stale = new ArrayList<>();
        for (Customer duplicate : storeDuplicates(customers)) {
            history(duplicate);
            write(duplicate);
            writer.add(DemoTable.MERGES, duplicate.mergedInto, duplicate.id, "phone", duplicate.phone,
                    "identity-resolution", duplicate.createdAt.plusMinutes(5), null, null);
            stale.add(duplicate.mergedInto);
        }
        undoneMerges(customers);
        stale.addAll(strayRecords(customers));
        writer.flush();
        return stale;
    }

    long lastCustomerId() {
        return nextCustomerId - 1;
    }

    /** The customer's row first (its orders refer to it), then its identifiers, orders and events. */
    private void write(Customer customer) {
        writer.add(DemoTable.CUSTOMERS, customer.row());
        writer.add(DemoTable.FIGURES, customer.figures());
        identifiers(customer);
        for (int i = 0; i < historyRows.size(); i++) {
            writer.add(historyTables.get(i), historyRows.get(i));
        }
        historyRows.clear();
        historyTables.clear();
    }

    // ---------------------------------------------------------------- customers

    private Customer newCustomer() {
        Customer c = new Customer();
        c.id = nextCustomerId++;
        c.company = random.chance(0.25);
        c.region = random.pickWeighted(DemoCatalogue.REGIONS, Region::weight);
        c.city = random.pick(c.region.cities());
        c.source = random.pickWeighted(DemoCatalogue.SOURCES, s -> c.company ? s.companyWeight() : s.consumerWeight());
        c.externalId = newExternalId(c.source);
        c.segment = segment(c.company);
        int acquired = random.between(-365, days - 1);
        c.firstActiveDay = Math.max(0, acquired);
        c.lastActiveDay = days - 1;
        if (c.segment == Segment.CHURNED) {
            c.lastActiveDay = Math.min(c.firstActiveDay + random.between(30, 300), days - 91);
            if (c.lastActiveDay <= c.firstActiveDay) {
                c.segment = Segment.OCCASIONAL;
                c.lastActiveDay = days - 1;
            }
        }
        c.ordersPerDay = ordersPerDay(c.segment, c.company);
        c.createdAt = timeOn(firstDay.plusDays(acquired - random.between(0, 30)), c.company);
        if (c.company) {
            companyDetails(c);
        } else {
            personDetails(c);
        }
        return c;
    }

    private Segment segment(boolean company) {
        double u = random.uniform();
        if (company) {
            return u < 0.15 ? Segment.LOYAL : u < 0.45 ? Segment.REGULAR : u < 0.70 ? Segment.OCCASIONAL
                    : u < 0.85 ? Segment.CHURNED : Segment.LEAD;
        }
        return u < 0.10 ? Segment.LOYAL : u < 0.35 ? Segment.REGULAR : u < 0.70 ? Segment.OCCASIONAL
                : u < 0.92 ? Segment.CHURNED : Segment.ONE_TIME;
    }

    private static double ordersPerDay(Segment segment, boolean company) {
        double rate = switch (segment) {
            case LOYAL -> 0.035;
            case REGULAR -> 0.01;
            case OCCASIONAL -> 0.0035;
            case CHURNED -> 0.02;
            case ONE_TIME, LEAD -> 0;
        };
        return company ? rate * 0.5 : rate;
    }

    private void personDetails(Customer c) {
        c.name = random.pickSkewed(DemoCatalogue.SURNAMES) + random.pick(DemoCatalogue.GIVEN)
                + (random.chance(0.7) ? random.pick(DemoCatalogue.GIVEN) : "");
        c.phone = c.source.name().equals("线下门店") || random.chance(0.92) ? newPhone() : null;
        c.email = random.chance(0.5) ? newPersonalEmail() : null;
        c.spendScale = random.logNormal(1, 0.35) * (c.segment == Segment.LOYAL ? 1.4 : 1.0);
        if (random.chance(0.25)) {
            own(c, random.chance(0.5) ? "wu.qiang" : "zheng.jing");
        }
        String tier = c.segment == Segment.LOYAL ? random.pick(new String[] {"金卡", "黑金"})
                : random.pick(new String[] {"普通会员", "普通会员", "银卡"});
        LocalDate birthday = LocalDate.of(random.between(1965, 2005), random.between(1, 13), random.between(1, 29));
        c.attributes = "{\"会员等级\":\"" + tier + "\",\"性别\":\"" + (random.chance(0.55) ? "女" : "男")
                + "\",\"生日\":\"" + birthday + "\"}";
    }

    private void companyDetails(Customer c) {
        List<String> industries = new ArrayList<>(DemoCatalogue.INDUSTRIES.keySet());
        industries.sort(null); // Map.of has no stable order; the draw must not depend on it
        c.industry = random.pick(industries);
        String name;
        do {
            name = c.city + random.pick(DemoCatalogue.COMPANY_FIRST) + random.pick(DemoCatalogue.COMPANY_SECOND)
                    + random.pick(DemoCatalogue.INDUSTRIES.get(c.industry)) + "有限公司";
        } while (!companyNames.add(name) && companyNames.size() < 1_000_000);
        c.name = name;
        c.phone = random.chance(0.85) ? newPhone() : null;
        c.email = random.chance(0.9) ? newCompanyEmail() : null;
        String size = random.pick(DemoCatalogue.COMPANY_SIZES);
        c.spendScale = random.logNormal(1, 0.6) * (size.equals("1000人以上") ? 3 : 1);
        if (size.equals("1000人以上") && random.chance(0.7)) {
            own(c, random.chance(0.5) ? "sun.li" : "zhou.min");
        } else {
            List<DemoCatalogue.User> regional = DemoCatalogue.USERS.stream()
                    .filter(u -> c.region.name().equals(u.region())).toList();
            own(c, regional.isEmpty() ? random.pick(new String[] {"huang.lei", "lin.yan", "zhao.lei"})
                    : random.pick(regional).username());
        }
        c.attributes = "{\"员工规模\":\"" + size + "\",\"客户级别\":\"" + random.pick(new String[] {"A", "B", "C"})
                + "\",\"统一社会信用代码\":\"91" + random.digits(4) + "MA" + random.digits(10) + "\"}";
    }

    private void own(Customer c, String username) {
        c.ownerId = userIds.get(username);
        String teamCode = DemoCatalogue.USERS.stream().filter(u -> u.username().equals(username)).findFirst()
                .orElseThrow().teamCode();
        c.teamId = teamIds.get(teamCode);
    }

    private String newExternalId(Source source) {
        String id;
        do {
            id = source.code() + (100_000_000L + random.between(0, 900_000_000));
        } while (!externalIds.add(id));
        return id;
    }

    private String newPhone() {
        String phone;
        do {
            phone = "+86" + random.pick(MOBILE_PREFIXES) + random.digits(8);
        } while (!phones.add(phone));
        return phone;
    }

    private String newPersonalEmail() {
        String email;
        do {
            email = random.chance(0.5) ? random.between(10_000, 2_000_000_000) + "@qq.com"
                    : random.pick(SYLLABLES) + random.pick(SYLLABLES) + random.digits(random.between(2, 5)) + "@"
                    + random.pick(QQ_LIKE_DOMAINS);
        } while (!emails.add(email));
        return email;
    }

    private String newCompanyEmail() {
        String email;
        do {
            email = random.pick(new String[] {"info", "sales", "purchase", "contact", "admin"}) + "@"
                    + random.pick(SYLLABLES) + random.pick(SYLLABLES) + random.digits(2) + ".com.cn";
        } while (!emails.add(email));
        return email;
    }

    /** Legacy CRM data: a few phones written the old way and emails in capitals, for the quality report. */
    private void spoilContactDetails(Customer c) {
        if (c.company && c.source.name().equals("CRM") && c.phone != null && phonesSpoilt < 20) {
            c.phone = phonesSpoilt % 2 == 0 ? "0571-8" + random.digits(7) : c.phone.substring(3, 13);
            phonesSpoilt++;
        } else if (c.company && c.email != null && emailsSpoilt < 8) {
            c.email = c.email.toUpperCase(Locale.ROOT);
            emailsSpoilt++;
        }
    }

    /** The keys by which the sources know the customer, pointing at the customer they now belong to. */
    private void identifiers(Customer c) {
        long owner = c.mergedInto == null ? c.id : c.mergedInto;
        writer.add(DemoTable.IDENTIFIERS, owner, c.id, "external_id", c.source.name(), c.externalId, c.createdAt);
        if (c.phone != null && c.phone.startsWith("+") && c.mergedInto == null) {
            writer.add(DemoTable.IDENTIFIERS, owner, c.id, "phone", "", c.phone, c.createdAt);
        }
        if (c.email != null) {
            writer.add(DemoTable.IDENTIFIERS, owner, c.id, "email", "", c.email.toLowerCase(Locale.ROOT),
                    c.createdAt);
        }
        switch (c.source.name()) {
            case "天猫", "京东" -> writer.add(DemoTable.IDENTIFIERS, owner, c.id, "shop_user_id", c.source.name(),
                    (c.source.code().equals("TM") ? "tb_" : "jd_") + c.externalId.substring(2), c.createdAt);
            case "企业微信" -> writer.add(DemoTable.IDENTIFIERS, owner, c.id, "wechat_openid", c.source.name(),
                    "o" + Long.toString(c.id * 7919L + 1_000_000_007L, 36) + c.externalId.substring(2), c.createdAt);
            case "CRM" -> writer.add(DemoTable.IDENTIFIERS, owner, c.id, "crm_id", c.source.name(),
                    "CRM-" + c.externalId.substring(3), c.createdAt);
            default -> {
            }
        }
    }

    /**
     * Shoppers who later also bought in a physical store and gave the same phone there: identity resolution merged
     * the store's record into the online one and kept it, so the 360 page has a merge history to show.
     */
    private List<Customer> storeDuplicates(List<Customer> customers) {
        List<Customer> duplicates = new ArrayList<>();
        int wanted = Math.max(3, customers.size() / 750);
        for (Customer survivor : customers) {
            if (duplicates.size() == wanted) {
                break;
            }
            if (survivor.company || survivor.phone == null || !survivor.source.online()
                    || survivor.segment == Segment.ONE_TIME || survivor.firstActiveDay > days - 60) {
                continue;
            }
            Customer d = new Customer();
            d.id = nextCustomerId++;
            d.name = survivor.name;
            d.phone = survivor.phone;
            d.email = random.chance(0.4) ? newPersonalEmail() : null;
            d.region = survivor.region;
            d.city = survivor.city;
            d.source = DemoCatalogue.SOURCES.stream().filter(s -> s.name().equals("线下门店")).findFirst().orElseThrow();
            d.externalId = newExternalId(d.source);
            d.segment = Segment.OCCASIONAL;
            d.firstActiveDay = random.between(survivor.firstActiveDay, days - 30);
            d.lastActiveDay = days - 1;
            d.ordersPerDay = 0.01;
            d.spendScale = survivor.spendScale;
            d.createdAt = timeOn(firstDay.plusDays(d.firstActiveDay), false);
            d.attributes = "{\"会员等级\":\"普通会员\",\"办卡门店\":\"" + d.city + "旗舰店\"}";
            d.mergedInto = survivor.id;
            duplicates.add(d);
        }
        return duplicates;
    }

    /** A few merges made on a shared family email and undone by a salesperson: both customers stay separate. */
    private void undoneMerges(List<Customer> customers) {
        int made = 0;
        for (int i = 1; i < customers.size() && made < 3; i++) {
            Customer survivor = customers.get(i - 1);
            Customer absorbed = customers.get(i);
            if (!survivor.company && !absorbed.company && survivor.email != null && absorbed.mergedInto == null) {
                OffsetDateTime mergedAt = later(survivor.createdAt, absorbed.createdAt).plusHours(1);
                writer.add(DemoTable.MERGES, survivor.id, absorbed.id, "email", survivor.email, "identity-resolution",
                        mergedAt, "li.na", mergedAt.plusDays(2));
                made++;
                i++;
            }
        }
    }

    // ---------------------------------------------------------------- orders and events

    private void history(Customer c) {
        double[] weights = c.company ? businessWeight : consumerWeight;
        int from = c.firstActiveDay;
        int to = c.lastActiveDay + 1;
        int orders = switch (c.segment) {
            case LEAD -> 0;
            case ONE_TIME -> 1;
            default -> Math.max(c.mergedInto == null ? 0 : 1,
                    random.poisson(c.ordersPerDay * (weights[to] - weights[from])));
        };
        for (int i = 0; i < orders; i++) {
            OffsetDateTime at = timeOn(firstDay.plusDays(drawDay(weights, from, to)), c.company);
            if (at.isBefore(now)) {
                order(c, at);
            }
        }
        if (c.source.online() && !c.company && random.chance(c.segment == Segment.LOYAL ? 0.6 : 0.3)) {
            campaignClicks(c);
        }
        if (orders > 0 && random.chance(0.2)) {
            nps(c);
        }
    }

    private int drawDay(double[] weights, int from, int to) {
        double target = weights[from] + random.uniform() * (weights[to] - weights[from]);
        int low = from;
        int high = to - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (weights[mid] <= target) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }

    private void order(Customer c, OffsetDateTime at) {
        double median = c.company ? 12_000 : 180;
        BigDecimal amount = money(random.logNormal(median * c.spendScale, c.company ? 0.9 : 0.7));
        String status;
        BigDecimal refund = BigDecimal.ZERO.setScale(2);
        if (ChronoUnit.HOURS.between(at, now) < 72 && random.chance(0.4)) {
            status = "pending";
        } else {
            double u = random.uniform();
            if (u < 0.03) {
                status = "cancelled";
            } else if (u < 0.07) {
                status = "partially_refunded";
                refund = money(amount.doubleValue() * (0.1 + 0.4 * random.uniform()));
            } else if (u < 0.10) {
                status = "refunded";
                refund = amount;
            } else {
                status = "completed";
            }
        }
        BigDecimal cost = money(amount.doubleValue() * (0.55 + 0.2 * random.uniform()));
        String orderNo = c.source.code() + at.toLocalDate().format(ORDER_DATE) + String.format("%07d", ++orderSequence);
        String channel = c.source.name().equals("线下门店") ? c.city + "门店" : c.source.channel();
        later(DemoTable.ORDERS, c.source.name(), orderNo, c.id, c.externalId, at, amount, cost, refund, channel,
                status, at.plusMinutes(random.between(1, 60 * 24)));
        c.count(at, amount, refund, status);

        if (c.source.online()) {
            for (int v = random.poisson(c.company ? 0.3 : 0.5); v > 0; v--) {
                event(c, "visit", at.minusMinutes(random.between(5, 72 * 60)),
                        "{\"page\":\"" + random.pick(new String[] {"商品详情", "首页", "活动页", "购物车"}) + "\"}");
            }
            if (!c.company && random.chance(0.3)) {
                event(c, "login", at.minusMinutes(random.between(1, 30)),
                        "{\"device\":\"" + random.pick(new String[] {"iOS", "Android", "Android", "PC", "小程序"}) + "\"}");
            }
        }
        boolean returned = status.equals("refunded") || status.equals("partially_refunded");
        if (random.chance(returned ? 0.6 : 0.03)) {
            String topic = returned ? "退换货" : random.pick(DemoCatalogue.TICKET_TOPICS);
            event(c, "ticket", at.plusHours(random.between(12, 24 * 10)), "{\"topic\":\"" + topic + "\",\"order_no\":\""
                    + orderNo + "\"}");
        }
    }

    private void campaignClicks(Customer c) {
        for (int year = firstDay.getYear(); year <= now.getYear(); year++) {
            for (String[] campaign : new String[][] {{"618年中大促", "06-10"}, {"双11预热", "11-01"}}) {
                LocalDate start = LocalDate.parse(year + "-" + campaign[1]);
                int day = (int) ChronoUnit.DAYS.between(firstDay, start);
                if (day >= c.firstActiveDay && day <= c.lastActiveDay && random.chance(0.5)) {
                    event(c, "campaign_click", timeOn(start.plusDays(random.between(0, 8)), false),
                            "{\"campaign\":\"" + year + campaign[0] + "\",\"channel\":\""
                                    + random.pick(new String[] {"短信", "APP推送", "微信"}) + "\"}");
                }
            }
        }
    }

    private void nps(Customer c) {
        int score = switch (c.segment) {
            case LOYAL -> random.between(8, 11);
            case REGULAR -> random.between(6, 11);
            case CHURNED -> random.between(0, 7);
            default -> random.between(4, 10);
        };
        int day = random.between(c.firstActiveDay, c.lastActiveDay + 1);
        event(c, "nps", timeOn(firstDay.plusDays(day), c.company), "{\"score\":" + score + "}");
    }

    private void event(Customer c, String type, OffsetDateTime at, String properties) {
        if (at.isBefore(now)) {
            later(DemoTable.EVENTS, c.source.name(), c.source.code() + "-E" + (++eventSequence), c.id,
                    c.externalId, type, at, properties);
        }
    }

    /** Holds a row of the customer being invented until the customer's own row is written. */
    private void later(DemoTable table, Object... row) {
        historyTables.add(table);
        historyRows.add(row);
    }

    /** What real data always has: store orders of unknown members, gift orders at zero, anonymous web visits. */
    private List<Long> strayRecords(List<Customer> customers) {
        List<Long> gifted = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            OffsetDateTime at = timeOn(firstDay.plusDays(random.between(0, days - 1)), false);
            BigDecimal amount = money(random.logNormal(150, 0.5));
            writer.add(DemoTable.ORDERS, "线下门店", "POS" + at.toLocalDate().format(ORDER_DATE) + String.format("%07d", ++orderSequence),
                    null, "VIP" + random.digits(8), at, amount, money(amount.doubleValue() * 0.6),
                    BigDecimal.ZERO.setScale(2), "门店", "completed", at);
        }
        for (int i = 0; i < 12; i++) {
            Customer c = customers.get(random.between(0, customers.size()));
            OffsetDateTime at = timeOn(firstDay.plusDays(random.between(c.firstActiveDay, days - 1)), c.company);
            writer.add(DemoTable.ORDERS, c.source.name(), c.source.code() + "GIFT" + String.format("%07d", ++orderSequence),
                    c.id, c.externalId, at, BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2),
                    BigDecimal.ZERO.setScale(2), c.source.channel(), "completed", at);
            gifted.add(c.mergedInto == null ? c.id : c.mergedInto);
        }
        for (int i = 0; i < 200; i++) {
            OffsetDateTime at = timeOn(firstDay.plusDays(random.between(0, days - 1)), false);
            writer.add(DemoTable.EVENTS, "官网", "WEB-ANON-" + (++eventSequence), null, null, "visit", at,
                    "{\"page\":\"首页\"}");
        }
        return gifted;
    }

    // ---------------------------------------------------------------- helpers

    /** A time on the given day in the company's zone, at an hour typical for consumers or for businesses. */
    private OffsetDateTime timeOn(LocalDate day, boolean company) {
        double[] hours = company ? BUSINESS_HOURS : CONSUMER_HOURS;
        int hour = random.pickWeighted(HOURS, h -> hours[h]);
        OffsetDateTime at = day.atTime(hour, random.between(0, 60), random.between(0, 60)).atZone(zone)
                .toOffsetDateTime();
        // Today's draws may fall after the present moment; such a time is pulled back to just before it.
        return at.isBefore(now) ? at : now.minusMinutes(random.between(1, 60));
    }

    private static OffsetDateTime later(OffsetDateTime a, OffsetDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    private static BigDecimal money(double value) {
        return BigDecimal.valueOf(Math.max(0.01, value)).setScale(2, RoundingMode.HALF_UP);
    }
}
