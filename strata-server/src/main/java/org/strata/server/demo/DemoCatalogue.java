package org.strata.server.demo;

import java.util.List;
import java.util.Map;

/** The vocabulary of the demo company: names, places, industries, sources, teams and staff. */
final class DemoCatalogue {

    private DemoCatalogue() {
    }

    /** The most common surnames, most frequent first (the generator favours the front of the list). */
    static final String[] SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁沈"
            + "任姚卢傅钟姜崔谭廖范汪陆金石戴贾韦夏邱方侯邹熊孟秦白江阎薛尹段雷黎史龙陶贺顾毛郝龚邵万钱严覃武").split("");

    static final String[] GIVEN = ("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚华玉兰萍红鹏飞宇浩婷雪琳晨欣怡子涵梓轩博文思佳嘉俊雨昊然"
            + "诗琪志建国海峰亮辉鑫宁凯悦彤瑶睿泽宸一诺可馨逸铭晓慧颖倩亦欢乐安心宏斌春梅桂英丹阳").split("");

    static final String[] COMPANY_FIRST = "云华金恒瑞鼎博星智宏天君嘉盛新锦诚泰安德远东中海信润达和卓".split("");
    static final String[] COMPANY_SECOND = "帆信桥通丰盛远河达图成诚源辰越创航联和拓晟峰科微邦利".split("");

    record Region(String name, double weight, List<String> cities) {
    }

    static final List<Region> REGIONS = List.of(
            new Region("华东", 0.35, List.of("上海", "杭州", "南京", "苏州", "宁波", "合肥", "无锡")),
            new Region("华南", 0.20, List.of("深圳", "广州", "厦门", "东莞", "佛山")),
            new Region("华北", 0.15, List.of("北京", "天津", "石家庄", "太原")),
            new Region("华中", 0.10, List.of("武汉", "长沙", "郑州")),
            new Region("西南", 0.10, List.of("成都", "重庆", "昆明", "贵阳")),
            new Region("西北", 0.05, List.of("西安", "兰州", "银川")),
            new Region("东北", 0.05, List.of("沈阳", "哈尔滨", "大连", "长春")));

    /** Industry and the word a company of that industry typically puts in its name. */
    static final Map<String, String[]> INDUSTRIES = Map.of(
            "制造", new String[] {"机械", "电子", "精密制造"},
            "零售", new String[] {"商贸", "百货"},
            "软件", new String[] {"科技", "信息技术", "软件"},
            "医疗", new String[] {"医疗器械", "生物科技"},
            "教育", new String[] {"教育科技", "文化传播"},
            "物流", new String[] {"供应链", "物流"},
            "快消", new String[] {"食品", "日用品"},
            "能源", new String[] {"新能源", "能源科技"},
            "餐饮", new String[] {"餐饮管理"},
            "建筑", new String[] {"建设工程", "装饰工程"});

    /** Where customers come from; consumers buy in the shops, companies come through sales. */
    record Source(String name, String code, String channel, double consumerWeight, double companyWeight,
                  boolean online) {
    }

    static final List<Source> SOURCES = List.of(
            new Source("天猫", "TM", "天猫旗舰店", 0.34, 0.0, true),
            new Source("京东", "JD", "京东自营", 0.24, 0.0, true),
            new Source("线下门店", "POS", "门店", 0.22, 0.05, false),
            new Source("官网", "WEB", "官网商城", 0.10, 0.25, true),
            new Source("企业微信", "WX", "企业微信", 0.10, 0.30, true),
            new Source("CRM", "CRM", "销售直签", 0.0, 0.40, false));

    record Team(String code, String name, String parentCode) {
    }

    static final List<Team> TEAMS = List.of(
            new Team("east", "华东销售部", null),
            new Team("east-sh", "上海一组", "east"),
            new Team("east-hz", "杭州组", "east"),
            new Team("east-nj", "南京组", "east"),
            new Team("south", "华南销售部", null),
            new Team("south-sz", "深圳组", "south"),
            new Team("south-gz", "广州组", "south"),
            new Team("north", "华北销售部", null),
            new Team("north-bj", "北京组", "north"),
            new Team("key-accounts", "大客户部", null),
            new Team("ecommerce", "电商运营部", null));

    record User(String username, String displayName, String teamCode, String region) {
    }

    /** region: the sales region the user covers (companies there get them as owner); null for other duties. */
    static final List<User> USERS = List.of(
            new User("huang.lei", "黄磊", "east", "华东"),
            new User("zhang.wei", "张伟", "east-sh", "华东"),
            new User("li.na", "李娜", "east-hz", "华东"),
            new User("wang.fang", "王芳", "east-nj", "华东"),
            new User("lin.yan", "林燕", "south", "华南"),
            new User("liu.yang", "刘洋", "south-sz", "华南"),
            new User("chen.jie", "陈杰", "south-gz", "华南"),
            new User("zhao.lei", "赵磊", "north-bj", "华北"),
            new User("sun.li", "孙丽", "key-accounts", null),
            new User("zhou.min", "周敏", "key-accounts", null),
            new User("wu.qiang", "吴强", "ecommerce", null),
            new User("zheng.jing", "郑静", "ecommerce", null));

    static final String[] TICKET_TOPICS = {"物流查询", "退换货", "发票", "安装预约", "产品咨询", "投诉"};
    static final String[] CONSUMER_TIERS = {"普通会员", "银卡", "金卡", "黑金"};
    static final String[] COMPANY_SIZES = {"1-49人", "50-199人", "200-999人", "1000人以上"};
}
