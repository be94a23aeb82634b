from pipelines.dedupe import NearDuplicateIndex, from_bytes, shingles, signature, to_bytes

STORY = (
    "The city council voted on Tuesday to expand the tram network to the northern suburbs, "
    "a project that has been debated for more than a decade. Supporters said the new line would "
    "cut commuting times in half for thousands of residents, while critics warned that the budget "
    "of 1.2 billion euros was likely to grow. Construction is due to start next spring and the first "
    "trams should run in 2029. The mayor called the vote a turning point for the region's transport."
)
ZH_STORY = (
    "国家统计局今天发布数据显示，今年前三季度全国规模以上工业增加值同比增长百分之五点八，"
    "比上半年加快零点二个百分点。分行业看，高技术制造业增加值增长百分之九点一，"
    "装备制造业增长百分之七点四。专家表示，工业生产保持稳定恢复态势，新动能持续发挥作用。"
)


def test_shingles_split_english_words_and_chinese_characters():
    assert b"the city council" in shingles(STORY)
    assert "国 家 统".encode() in shingles(ZH_STORY)


def test_reprint_with_edits_is_found_and_other_story_is_not():
    index = NearDuplicateIndex(threshold=0.7)
    index.add("http://a/1", signature(STORY))
    reprint = STORY.replace("on Tuesday", "late on Tuesday") + " Reporting by the wire desk."
    assert index.find(signature(reprint)) == "http://a/1"
    unrelated = ("Heavy rain closed three mountain passes overnight and left hundreds of travellers waiting "
                 "in their cars, the police said, adding that snow ploughs had reached the highest villages "
                 "by morning and that the roads should reopen by the afternoon if the weather allowed it.")
    assert index.find(signature(unrelated)) is None


def test_chinese_reprint_is_found():
    index = NearDuplicateIndex(threshold=0.7)
    index.add("zh", signature(ZH_STORY))
    assert index.find(signature(ZH_STORY.replace("专家表示", "有专家表示"))) == "zh"


def test_exclude_and_short_bodies():
    index = NearDuplicateIndex()
    index.add("self", signature(STORY))
    assert index.find(signature(STORY), exclude="self") is None
    assert signature("too short to judge") is None


def test_signature_round_trips_through_bytes():
    mh = signature(STORY)
    blob = to_bytes(mh)
    assert len(blob) == 4 * len(mh.hashvalues)
    assert from_bytes(blob).jaccard(mh) == 1.0


def test_signature_is_datasketchs_minhash_of_the_shingles() -> None:
    """Permutations drawn once must give the values a fresh MinHash gives: stored signatures stay comparable."""
    import numpy as np
    from datasketch import MinHash

    from pipelines import dedupe

    for text in (STORY, ZH_STORY):
        fresh = MinHash(num_perm=dedupe.NUM_PERM, seed=dedupe.SEED, scheme=dedupe.SCHEME)
        fresh.update_batch(list(dedupe.shingles(text)))
        assert np.array_equal(signature(text).hashvalues, fresh.hashvalues)
