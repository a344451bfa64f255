package main

import "testing"

// A town column is one whose name is a town's, not one holding 乡 or 镇
// among other words.
func TestIsTownHeader(t *testing.T) {
	for _, h := range []string{"乡镇", "乡（镇）", "乡(镇)", "乡镇（街道）", "镇", "乡", "街道", "街道办事处", "所属乡镇",
		"乡镇名称", "镇名", " 乡 镇 ", "所属街道", "乡镇/街道", "乡镇、街道", "乡镇街道", "乡（镇）名称", "Town", "township", "Town Name", "town_name"} {
		if !isTownHeader(h) {
			t.Errorf("isTownHeader(%q) = false, want true", h)
		}
	}
	for _, h := range []string{"是否城乡低保户", "参加城乡居民医保", "乡镇审核意见", "是否城镇户口", "hometown", "乡村振兴备注",
		"城乡居民养老保险", "乡镇意见", "镇村联系人", "towns visited", "所属", "名称", "名", "", "（乡镇）"} {
		if isTownHeader(h) {
			t.Errorf("isTownHeader(%q) = true, want false", h)
		}
	}
}
