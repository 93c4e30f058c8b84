"""The hand-typed annotations of gold/excerpts/ and the few lines that write them as <id>.json.

Every (mention, body, role, task), citation and deadline below was typed by reading the excerpt;
this file only finds each mention's offsets in the .txt (the next occurrence after the previous
item, "=mention" reusing the last span of that mention, "anchor|mention" the mention right after
a unique anchor) and writes the gold files. Rebuild: python gold/excerpts/annotations.py
"""
import json
from pathlib import Path
D = Path(__file__).resolve().parent
A = {}
L = 'lead'; C = 'coordinate'; V = 'advise'; R = 'report'; M = 'monitor'; I = 'implement'
LTB = 'Sở Lao động - Thương binh và Xã hội'
A['ex01-tinh-giamngheo-cancu'] = dict(refs=[
 ('Luật Tổ chức chính quyền địa phương số 72/2025/QH15 ngày 16 tháng 6 năm 2025', 'Luật', '72', '2025/QH15', '72/2025/QH15', '2025-06-16', None, 'can_cu'),
 ('Nghị quyết số 24/2021/QH15 ngày 28/7/2021 của Quốc hội', 'Nghị quyết', '24', '2021/QH15', '24/2021/QH15', '2021-07-28', 'Quốc hội', 'can_cu'),
 ('Quyết định số 90/QĐ-TTg ngày 18/01/2022 của Thủ tướng Chính phủ', 'Quyết định', '90', 'QĐ-TTg', '90/QĐ-TTg', '2022-01-18', 'Thủ tướng Chính phủ', 'can_cu'),
 ('Nghị định số 27/2022/NĐ-CP ngày 19/4/2022', 'Nghị định', '27', '2022/NĐ-CP', '27/2022/NĐ-CP', '2022-04-19', 'Chính phủ', 'can_cu'),
 ('Nghị định số 38/2023/NĐ-CP ngày\n24/6/2023 của Chính phủ', 'Nghị định', '38', '2023/NĐ-CP', '38/2023/NĐ-CP', '2023-06-24', 'Chính phủ', 'can_cu'),
 ('Thông tư số 09/2022/TT-BLĐTBXH ngày 25/5/2022 của Bộ trưởng Bộ Lao động -\nThương binh và Xã hội', 'Thông tư', '09', '2022/TT-BLĐTBXH', '09/2022/TT-BLĐTBXH', '2022-05-25', 'Bộ trưởng Bộ Lao động - Thương binh và Xã hội', 'can_cu'),
 ('Nghị quyết số 12/2022/NQ-HĐND ngày 15/7/2022 của Hội đồng nhân dân tỉnh', 'Nghị quyết', '12', '2022/NQ-HĐND', '12/2022/NQ-HĐND', '2022-07-15', 'Hội đồng nhân dân tỉnh', 'can_cu'),
 ('Chỉ thị số 05-CT/TW ngày 23/6/2021 của Ban Bí thư', 'Chỉ thị', '05', 'CT/TW', '05-CT/TW', '2021-06-23', 'Ban Bí thư', 'thuc_hien'),
 ('Chương trình hành động\nsố 45-CTr/TU ngày 10/12/2021 của Ban Thường vụ Tỉnh ủy', 'Chương trình', '45', 'CTr/TU', '45-CTr/TU', '2021-12-10', 'Ban Thường vụ Tỉnh ủy', 'thuc_hien'),
 ('Tờ trình số\n215/TTr-SLĐTBXH ngày 05/8/2022', 'Tờ trình', '215', 'TTr-SLĐTBXH', '215/TTr-SLĐTBXH', '2022-08-05', None, 'other'),
], resp=[], dl=[])
A['ex02-tinh-giamngheo-tochuc'] = dict(refs=[], resp=[
 (LTB, LTB, L, 'hướng dẫn các huyện, thị xã, thành phố triển khai Kế hoạch'),
 ('các sở, ban, ngành liên quan', 'Các sở, ban, ngành liên quan', C, 'hướng dẫn các huyện triển khai Kế hoạch'),
 ('=' + LTB, LTB, M, 'theo dõi, kiểm tra, giám sát việc thực hiện các dự án'),
 ('=' + LTB, LTB, R, 'tổng hợp, báo cáo kết quả thực hiện Chương trình'),
 ('Sở Kế hoạch và Đầu tư', 'Sở Kế hoạch và Đầu tư', L, 'tham mưu phân bổ vốn đầu tư phát triển'),
 ('Sở Tài chính', 'Sở Tài chính', C, 'tham mưu phân bổ vốn đầu tư phát triển'),
 ('Sở Tài chính', 'Sở Tài chính', V, 'tham mưu bố trí kinh phí sự nghiệp'),
 ('=Sở Tài chính', 'Sở Tài chính', I, 'hướng dẫn thanh toán, quyết toán kinh phí'),
 ('Kho bạc Nhà nước tỉnh', 'Kho bạc Nhà nước tỉnh', I, 'kiểm soát chi, thanh toán kinh phí'),
 ('Chi nhánh Ngân hàng Chính sách xã hội tỉnh', 'Chi nhánh Ngân hàng Chính sách xã hội tỉnh', C, 'bảo đảm nguồn vốn cho vay hộ nghèo'),
 ('các hội, đoàn thể nhận ủy thác', 'Các hội, đoàn thể nhận ủy thác', C, 'bảo đảm nguồn vốn cho vay hộ nghèo'),
 ('Các sở, ban, ngành, đoàn thể tỉnh', 'Các sở, ban, ngành, đoàn thể tỉnh', I, 'xây dựng kế hoạch và tổ chức thực hiện'),
 ('Ủy ban nhân dân các huyện, thị xã, thành phố', 'Ủy ban nhân dân các huyện, thị xã, thành phố', I, 'xây dựng kế hoạch, bố trí vốn đối ứng'),
 ('Ủy ban nhân dân các xã, phường, thị trấn', 'Ủy ban nhân dân các xã, phường, thị trấn', I, 'rà soát hộ nghèo, hộ cận nghèo'),
 ('=Ủy ban nhân dân các huyện, thị xã, thành phố', 'Ủy ban nhân dân các huyện, thị xã, thành phố', R, 'báo cáo kết quả thực hiện hằng quý'),
], dl=[
 ('trước ngày 15/12 hằng năm', 'before', '--12-15', None, 'yearly', 'báo cáo kết quả thực hiện Chương trình', [LTB]),
 ('Định kỳ hằng quý', 'during', None, None, 'quarterly', 'báo cáo kết quả thực hiện', ['Ủy ban nhân dân các huyện, thị xã, thành phố']),
])
PLT = 'Phòng Lao động - Thương binh và Xã hội huyện'
A['ex03-huyen-phongtrao-tochuc'] = dict(refs=[], resp=[
 (PLT, PLT, L, 'tham mưu triển khai Phong trào thi đua'),
 ('Phòng Nội vụ', 'Phòng Nội vụ', C, 'tham mưu triển khai Phong trào thi đua'),
 ('Phòng\nVăn hóa và Thông tin', 'Phòng Văn hóa và Thông tin', C, 'tham mưu triển khai Phong trào thi đua'),
 ('=' + PLT, PLT, M, 'theo dõi, đôn đốc thực hiện Kế hoạch'),
 ('Phòng Nội vụ', 'Phòng Nội vụ', I, 'hướng dẫn đăng ký thi đua, thẩm định hồ sơ khen thưởng'),
 ('Trung tâm Văn hóa - Thông tin và Thể thao huyện', 'Trung tâm Văn hóa - Thông tin và Thể thao huyện', I, 'tuyên truyền về Phong trào thi đua'),
 ('Ủy ban MTTQ Việt Nam huyện', 'Ủy ban Mặt trận Tổ quốc Việt Nam huyện', L, 'vận động ủng hộ Quỹ Vì người nghèo'),
 ('các tổ chức chính trị - xã hội\nhuyện', 'Các tổ chức chính trị - xã hội huyện', C, 'vận động ủng hộ Quỹ Vì người nghèo'),
 ('UBND các xã, thị trấn', 'Ủy ban nhân dân các xã, thị trấn', I, 'xây dựng kế hoạch hưởng ứng Phong trào thi đua'),
 ('Trưởng thôn, bản, tổ dân phố', 'Trưởng thôn, bản, tổ dân phố', I, 'tuyên truyền, vận động hộ nghèo'),
 ('=UBND các xã, thị trấn', 'Ủy ban nhân dân các xã, thị trấn', R, 'báo cáo kết quả thực hiện về UBND huyện'),
], dl=[
 ('trước ngày 10/11 hằng năm', 'before', '--11-10', None, 'yearly', 'báo cáo kết quả thực hiện', ['Ủy ban nhân dân các xã, thị trấn']),
 ('vào năm 2023', 'on', '2023', 2023, None, 'sơ kết Phong trào thi đua', []),
 ('vào năm 2025', 'on', '2025', 2025, None, 'tổng kết Phong trào thi đua', []),
])
A['ex04-tinh-congvan-dondoc'] = dict(refs=[
 ('Quyết định số 666/QĐ-TTg ngày 02/6/2022 của Thủ tướng Chính phủ', 'Quyết định', '666', 'QĐ-TTg', '666/QĐ-TTg', '2022-06-02', 'Thủ tướng Chính phủ', 'thuc_hien'),
 ('Kế hoạch số 188/KH-UBND ngày 14/7/2022 của UBND tỉnh', 'Kế hoạch', '188', 'KH-UBND', '188/KH-UBND', '2022-07-14', 'UBND tỉnh', 'thuc_hien'),
], resp=[
 ('Giám đốc các sở', 'Giám đốc các sở', I, 'ban hành kế hoạch hưởng ứng Phong trào thi đua'),
 ('Thủ trưởng các ban, ngành tỉnh', 'Thủ trưởng các ban, ngành tỉnh', I, 'ban hành kế hoạch hưởng ứng Phong trào thi đua'),
 ('Chủ tịch UBND các huyện, thị xã,\nthành phố', 'Chủ tịch Ủy ban nhân dân các huyện, thị xã, thành phố', I, 'ban hành kế hoạch hưởng ứng Phong trào thi đua'),
 (LTB, LTB, L, 'đôn đốc, kiểm tra việc tổ chức thực hiện Phong trào'),
 ('Ban Thi đua - Khen\nthưởng tỉnh', 'Ban Thi đua - Khen thưởng tỉnh', C, 'đôn đốc, kiểm tra việc tổ chức thực hiện Phong trào'),
 ('Ủy ban MTTQ Việt Nam tỉnh', 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', C, 'đẩy mạnh cuộc vận động ủng hộ Quỹ Vì người nghèo'),
 ('các cơ quan liên quan', 'Các cơ quan liên quan', C, 'đẩy mạnh cuộc vận động ủng hộ Quỹ Vì người nghèo'),
 ('Báo Hòa Bình', 'Báo Hòa Bình', I, 'mở chuyên trang, chuyên mục tuyên truyền'),
 ('Đài Phát thanh và Truyền hình tỉnh', 'Đài Phát thanh và Truyền hình tỉnh', I, 'mở chuyên trang, chuyên mục tuyên truyền'),
 ('Sở Nội vụ', 'Sở Nội vụ', R, 'tổng hợp, báo cáo kết quả thực hiện Công văn'),
], dl=[
 ('trước ngày 30/9/2023', 'before', '2023-09-30', 2023, None, 'ban hành kế hoạch hưởng ứng', ['Giám đốc các sở', 'Thủ trưởng các ban, ngành tỉnh', 'Chủ tịch Ủy ban nhân dân các huyện, thị xã, thành phố']),
 ('trước ngày 15/10/2023', 'before', '2023-10-15', 2023, None, 'báo cáo kết quả thực hiện Công văn', ['Sở Nội vụ']),
])
UH = 'Ủy ban nhân dân các huyện có vùng đồng bào dân tộc thiểu số'
A['ex05-bandantoc-1719-tochuc'] = dict(refs=[
 ('Quyết định số 1719/QĐ-TTg ngày 14/10/2021 của Thủ tướng Chính phủ', 'Quyết định', '1719', 'QĐ-TTg', '1719/QĐ-TTg', '2021-10-14', 'Thủ tướng Chính phủ', 'can_cu'),
 ('Thông tư số 02/2022/TT-UBDT ngày 30/6/2022 của Ủy ban Dân tộc', 'Thông tư', '02', '2022/TT-UBDT', '02/2022/TT-UBDT', '2022-06-30', 'Ủy ban Dân tộc', 'can_cu'),
 ('Nghị định\nsố 28/2022/NĐ-CP ngày 26/4/2022 của Chính phủ', 'Nghị định', '28', '2022/NĐ-CP', '28/2022/NĐ-CP', '2022-04-26', 'Chính phủ', 'theo'),
], resp=[
 ('Ban Dân tộc tỉnh', 'Ban Dân tộc tỉnh', L, 'hướng dẫn, theo dõi tiến độ thực hiện các dự án'),
 ('các sở, ngành\nliên quan', 'Các sở, ngành liên quan', C, 'hướng dẫn, theo dõi tiến độ thực hiện các dự án'),
 ('=Ban Dân tộc tỉnh', 'Ban Dân tộc tỉnh', R, 'tổng hợp, báo cáo UBND tỉnh và Ủy ban Dân tộc'),
 ('Sở Kế hoạch và Đầu tư', 'Sở Kế hoạch và Đầu tư', V, 'tham mưu bố trí vốn đối ứng'),
 ('Sở Tài chính', 'Sở Tài chính', V, 'tham mưu bố trí vốn đối ứng'),
 ('Sở Giáo dục và Đào tạo', 'Sở Giáo dục và Đào tạo', L, 'thực hiện Dự án 5'),
 ('Sở Y tế', 'Sở Y tế', L, 'thực hiện Tiểu dự án 2 của Dự án 8 và Dự án 7'),
 ('Ngân hàng Chính sách xã hội chi nhánh tỉnh', 'Ngân hàng Chính sách xã hội chi nhánh tỉnh', I, 'cho vay ưu đãi'),
 (UH, UH, I, 'chịu trách nhiệm về kết quả thực hiện Chương trình trên địa bàn'),
 ('=' + UH, UH, M, 'kiểm tra, giám sát việc sử dụng vốn'),
], dl=[])
VP = 'Văn phòng Điều phối nông thôn mới huyện'
A['ex06-huyen-nongthonmoi'] = dict(refs=[], resp=[
 (VP, VP, V, 'tham mưu Ban Chỉ đạo chỉ đạo, điều phối Chương trình'),
 ('=' + VP, VP, M, 'theo dõi, kiểm tra, giám sát tiến độ thực hiện các tiêu chí'),
 ('=' + VP, VP, R, 'tổng hợp, báo cáo kết quả hằng tháng'),
 ('Phòng Nông nghiệp và Phát triển nông thôn', 'Phòng Nông nghiệp và Phát triển nông thôn', L, 'hướng dẫn xây dựng các mô hình sản xuất'),
 ('Hội Nông dân huyện', 'Hội Nông dân huyện', C, 'hướng dẫn xây dựng các mô hình sản xuất'),
 ('Trạm Khuyến nông', 'Trạm Khuyến nông', C, 'hướng dẫn xây dựng các mô hình sản xuất'),
 ('Phòng Tài chính - Kế hoạch', 'Phòng Tài chính - Kế hoạch', V, 'tham mưu phân bổ, lồng ghép nguồn vốn'),
 ('Phòng Kinh tế và Hạ tầng', 'Phòng Kinh tế và Hạ tầng', I, 'hướng dẫn, thẩm định hồ sơ công trình'),
 ('Hội Liên hiệp Phụ nữ huyện', 'Hội Liên hiệp Phụ nữ huyện', L, 'cuộc vận động Xây dựng gia đình 5 không, 3 sạch'),
 ('=Hội Liên hiệp Phụ nữ huyện', 'Hội Liên hiệp Phụ nữ huyện', C, 'ra quân làm đường giao thông, vệ sinh môi trường'),
 ('Huyện đoàn', 'Huyện đoàn', C, 'ra quân làm đường giao thông, vệ sinh môi trường'),
 ('Hội Cựu chiến binh huyện', 'Hội Cựu chiến binh huyện', I, 'vận động hội viên hiến đất, ngày công'),
 ('Hội Nông dân huyện', 'Hội Nông dân huyện', I, 'vận động hội viên hiến đất, ngày công'),
 ('Ủy ban nhân dân các xã', 'Ủy ban nhân dân các xã', I, 'xây dựng kế hoạch hoàn thành các tiêu chí còn thiếu'),
 ('=Ủy ban nhân dân các xã', 'Ủy ban nhân dân các xã', R, 'báo cáo kết quả về Văn phòng Điều phối'),
], dl=[
 ('định kỳ hằng tháng', 'during', None, None, 'monthly', 'tổng hợp, báo cáo kết quả', [VP]),
 ('trước ngày 25 hằng tháng', 'before', '---25', None, 'monthly', 'báo cáo kết quả', ['Ủy ban nhân dân các xã']),
])
MT = 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh'
A['ex07-tinh-mttq-doanthe'] = dict(refs=[], resp=[
 ('Ủy ban MTTQ Việt Nam tỉnh', MT, L, 'phát động, vận động Nhân dân tham gia Phong trào thi đua'),
 (LTB, LTB, C, 'phát động, vận động Nhân dân tham gia Phong trào thi đua'),
 ('Sở Nội vụ', 'Sở Nội vụ', C, 'phát động, vận động Nhân dân tham gia Phong trào thi đua'),
 ('=Ủy ban MTTQ Việt Nam tỉnh', MT, M, 'giám sát việc thực hiện chính sách giảm nghèo'),
 ('Hội Liên hiệp Phụ nữ tỉnh', 'Hội Liên hiệp Phụ nữ tỉnh', I, 'vận động hội viên phụ nữ phát triển kinh tế'),
 ('=Hội Liên hiệp Phụ nữ tỉnh', 'Hội Liên hiệp Phụ nữ tỉnh', C, 'quản lý tổ tiết kiệm và vay vốn'),
 ('Ngân hàng Chính sách xã hội tỉnh', 'Ngân hàng Chính sách xã hội tỉnh', C, 'quản lý tổ tiết kiệm và vay vốn'),
 ('Tỉnh đoàn', 'Tỉnh đoàn', I, 'chỉ đạo hoạt động tình nguyện hỗ trợ hộ nghèo'),
 ('các cơ sở Đoàn', 'Các cơ sở Đoàn', I, 'tổ chức hoạt động tình nguyện'),
 ('Hội Nông dân tỉnh', 'Hội Nông dân tỉnh', I, 'hướng dẫn hội viên chuyển đổi cơ cấu cây trồng, vật nuôi'),
 ('Hội Cựu chiến binh tỉnh', 'Hội Cựu chiến binh tỉnh', I, 'giúp đỡ hộ nghèo là gia đình cựu chiến binh'),
 ('Liên đoàn Lao động tỉnh', 'Liên đoàn Lao động tỉnh', I, 'vận động ủng hộ ngày lương cho Quỹ'),
 ('=Liên đoàn Lao động tỉnh', 'Liên đoàn Lao động tỉnh', C, 'phối hợp kiểm tra chế độ, chính sách'),
], dl=[])
BP = 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh'
A['ex08-bienphong-biengioi'] = dict(refs=[
 ('Luật Biên phòng Việt Nam số 66/2020/QH14 ngày 11/11/2020', 'Luật', '66', '2020/QH14', '66/2020/QH14', '2020-11-11', None, 'can_cu'),
 ('Quyết định số 1258/QĐ-TTg của Thủ tướng Chính phủ ngày 21/8/2017', 'Quyết định', '1258', 'QĐ-TTg', '1258/QĐ-TTg', '2017-08-21', 'Thủ tướng Chính phủ', 'can_cu'),
], resp=[
 ('1. |' + BP, BP, L, 'chỉ đạo các Đồn Biên phòng thực hiện chương trình'),
 ('Công an tỉnh', 'Công an tỉnh', C, 'chỉ đạo các Đồn Biên phòng thực hiện chương trình'),
 ('Bộ Chỉ huy\nQuân sự tỉnh', 'Bộ Chỉ huy Quân sự tỉnh', C, 'chỉ đạo các Đồn Biên phòng thực hiện chương trình'),
 ('các Đồn Biên phòng', 'Các Đồn Biên phòng', I, 'thực hiện chương trình Nâng bước em tới trường'),
 ('Các Đồn Biên phòng', 'Các Đồn Biên phòng', I, 'cử cán bộ tăng cường về các bản'),
 ('Công an tỉnh', 'Công an tỉnh', I, 'chỉ đạo bảo đảm an ninh, trật tự'),
 ('Công an các xã biên giới', 'Công an các xã biên giới', I, 'bảo đảm an ninh, trật tự'),
 ('UBND các xã biên giới', 'Ủy ban nhân dân các xã biên giới', C, 'rà soát, lập danh sách hộ nghèo'),
 ('Đồn Biên phòng đóng trên địa bàn', 'Đồn Biên phòng đóng trên địa bàn', C, 'rà soát, lập danh sách hộ nghèo'),
 ('Trưởng bản', 'Trưởng bản', I, 'tổ chức họp bản bình xét'),
 ('Các đơn vị', 'Các đơn vị', R, 'báo cáo kết quả thực hiện'),
], dl=[
 ('trước ngày\n15/12 hằng năm', 'before', '--12-15', None, 'yearly', 'báo cáo kết quả thực hiện', ['Các đơn vị']),
])
A['ex09-quyetdinh-dieu'] = dict(refs=[
 ('số 1258/QĐ-TTg ngày 21/8/2017', 'Quyết định', '1258', 'QĐ-TTg', '1258/QĐ-TTg', '2017-08-21', 'Thủ tướng Chính phủ', 'can_cu'),
 ('số\n666/QĐ-TTg ngày 02/6/2022', 'Quyết định', '666', 'QĐ-TTg', '666/QĐ-TTg', '2022-06-02', 'Thủ tướng Chính phủ', 'can_cu'),
 ('số 90/QĐ-TTg ngày 18/01/2022', 'Quyết định', '90', 'QĐ-TTg', '90/QĐ-TTg', '2022-01-18', 'Thủ tướng Chính phủ', 'can_cu'),
 ('Nghị quyết số 22-NQ/TW ngày 18/3/2013', 'Nghị quyết', '22', 'NQ/TW', '22-NQ/TW', '2013-03-18', 'Ban Chấp hành Trung ương Đảng', 'can_cu'),
 ('số 42-NQ/TW ngày 24/11/2023 của Ban\nChấp hành Trung ương Đảng', 'Nghị quyết', '42', 'NQ/TW', '42-NQ/TW', '2023-11-24', 'Ban Chấp hành Trung ương Đảng', 'can_cu'),
 ('Thông tư liên tịch số 102/2007/TTLT-BTC-BLĐTBXH ngày 20/8/2007 của Bộ Tài chính,\nBộ Lao động - Thương binh và Xã hội', 'Thông tư liên tịch', '102', '2007/TTLT-BTC-BLĐTBXH', '102/2007/TTLT-BTC-BLĐTBXH', '2007-08-20', 'Bộ Tài chính, Bộ Lao động - Thương binh và Xã hội', 'can_cu'),
 ('Tờ trình số 1102/TTr-SNV ngày 12/9/2022', 'Tờ trình', '1102', 'TTr-SNV', '1102/TTr-SNV', '2022-09-12', None, 'other'),
], resp=[
 ('Chánh Văn phòng UBND tỉnh', 'Chánh Văn phòng Ủy ban nhân dân tỉnh', I, 'thi hành Quyết định'),
 ('Điều 3. Chánh Văn phòng UBND tỉnh, |Giám đốc Sở Nội vụ', 'Giám đốc Sở Nội vụ', I, 'thi hành Quyết định'),
 ('Giám đốc Sở Lao động - Thương binh\nvà Xã hội', 'Giám đốc Sở Lao động - Thương binh và Xã hội', I, 'thi hành Quyết định'),
 ('Thủ trưởng các sở, ban, ngành tỉnh', 'Thủ trưởng các sở, ban, ngành tỉnh', I, 'thi hành Quyết định'),
 ('Chủ tịch UBND các huyện, thành phố', 'Chủ tịch Ủy ban nhân dân các huyện, thành phố', I, 'thi hành Quyết định'),
 ('các\ntổ chức, cá nhân có liên quan', 'Các tổ chức, cá nhân có liên quan', I, 'thi hành Quyết định'),
], dl=[])
A['ex10-baocao-kiennghi'] = dict(refs=[
 ('Công văn số 2745/LĐTBXH-VPQGGN ngày 20/7/2023 của Bộ Lao động - Thương binh và\nXã hội', 'Công văn', '2745', 'LĐTBXH-VPQGGN', '2745/LĐTBXH-VPQGGN', '2023-07-20', 'Bộ Lao động - Thương binh và Xã hội', 'thuc_hien'),
 ('Kế hoạch số 95/KH-UBND của UBND tỉnh ngày 18/4/2022', 'Kế hoạch', '95', 'KH-UBND', '95/KH-UBND', '2022-04-18', 'UBND tỉnh', 'can_cu'),
 ('Nghị định số 146/2018/NĐ-CP ngày 17/10/2018 của Chính\nphủ', 'Nghị định', '146', '2018/NĐ-CP', '146/2018/NĐ-CP', '2018-10-17', 'Chính phủ', 'theo'),
 ('Thông tư số 46/2022/TT-BTC\nngày 28 tháng 7 năm 2022 của Bộ Tài chính', 'Thông tư', '46', '2022/TT-BTC', '46/2022/TT-BTC', '2022-07-28', 'Bộ Tài chính', 'other'),
], resp=[
 (LTB, LTB, V, 'tham mưu Ban Chỉ đạo chỉ đạo thực hiện các dự án'),
 ('=' + LTB, LTB, C, 'đẩy nhanh tiến độ giải ngân vốn sự nghiệp'),
 ('Sở\nTài chính', 'Sở Tài chính', C, 'đẩy nhanh tiến độ giải ngân vốn sự nghiệp'),
 ('Kho bạc Nhà nước tỉnh', 'Kho bạc Nhà nước tỉnh', C, 'đẩy nhanh tiến độ giải ngân vốn sự nghiệp'),
 ('Bảo hiểm xã hội tỉnh', 'Bảo hiểm xã hội tỉnh', C, 'cấp thẻ bảo hiểm y tế cho người nghèo, cận nghèo'),
 ('Sở Y tế', 'Sở Y tế', C, 'cấp thẻ bảo hiểm y tế cho người nghèo, cận nghèo'),
 ('Sở Thông tin và Truyền thông', 'Sở Thông tin và Truyền thông', L, 'thực hiện Dự án 6'),
 ('=Sở Thông tin và Truyền thông', 'Sở Thông tin và Truyền thông', I, 'hướng dẫn các huyện tổ chức đối thoại chính sách'),
 ('Các huyện, thị xã, thành phố', 'Các huyện, thị xã, thành phố', I, 'rà soát danh mục dự án, hoàn thành giải ngân'),
 ('Đề nghị |Bộ Lao động - Thương binh và Xã hội', 'Bộ Lao động - Thương binh và Xã hội', I, 'sửa đổi Thông tư số 46/2022/TT-BTC; hướng dẫn định mức hỗ trợ'),
], dl=[
 ('trước ngày 31/01/2024', 'before', '2024-01-31', 2024, None, 'hoàn thành giải ngân kế hoạch vốn năm 2023', ['Các huyện, thị xã, thành phố']),
])
BT = 'Phòng Bảo trợ xã hội - Giảm nghèo'
PH = 'Phòng Lao động - Thương binh và Xã hội các huyện, thành phố'
A['ex11-so-laodong-abbrev'] = dict(refs=[
 ('Kế hoạch số 284/KH-UBND ngày 27/12/2023 của UBND tỉnh Thái Nguyên', 'Kế hoạch', '284', 'KH-UBND', '284/KH-UBND', '2023-12-27', 'UBND tỉnh Thái Nguyên', 'can_cu'),
], resp=[
 (BT, BT, L, 'tham mưu Giám đốc Sở triển khai Kế hoạch'),
 ('Văn phòng Sở', 'Văn phòng Sở', C, 'tham mưu Giám đốc Sở triển khai Kế hoạch'),
 ('=' + BT, BT, I, 'hướng dẫn Phòng LĐ-TB&XH các huyện tổ chức thực hiện'),
 ('Phòng LĐ-TB&XH các huyện, thành phố', PH, I, 'tổ chức thực hiện Kế hoạch'),
 ('=' + BT, BT, M, 'theo dõi, đôn đốc, kiểm tra việc thực hiện'),
 ('=' + BT, BT, R, 'tổng hợp kết quả báo cáo UBND tỉnh, Bộ LĐ-TB&XH'),
 ('Văn phòng Sở', 'Văn phòng Sở', V, 'tham mưu Hội đồng TĐKT Sở xét khen thưởng'),
 ('UBMTTQ tỉnh', MT, C, 'thực hiện các chính sách hỗ trợ người nghèo'),
 ('BHXH tỉnh', 'Bảo hiểm xã hội tỉnh', C, 'thực hiện các chính sách hỗ trợ người nghèo'),
 ('NHCSXH tỉnh', 'Ngân hàng Chính sách xã hội tỉnh', C, 'thực hiện các chính sách hỗ trợ người nghèo'),
 ('Phòng LĐ-TB&XH các huyện, thành phố', PH, V, 'tham mưu UBND cấp huyện xây dựng kế hoạch hưởng ứng'),
 ('=Phòng LĐ-TB&XH các huyện, thành phố', PH, R, 'báo cáo kết quả thực hiện về Sở'),
], dl=[
 ('trước\nngày 30/11/2024', 'before', '2024-11-30', 2024, None, 'báo cáo kết quả thực hiện', [PH]),
])
A['ex12-xa-kehoach'] = dict(refs=[
 ('Kế hoạch số 312/KH-UBND ngày 05/3/2024 của UBND huyện Mường Khương', 'Kế hoạch', '312', 'KH-UBND', '312/KH-UBND', '2024-03-05', 'UBND huyện Mường Khương', 'thuc_hien'),
 ('Nghị\nquyết số 08-NQ/ĐU ngày 20/01/2024 của Đảng ủy xã', 'Nghị quyết', '08', 'NQ/ĐU', '08-NQ/ĐU', '2024-01-20', 'Đảng ủy xã', 'thuc_hien'),
], resp=[
 ('Công chức Văn hóa - Xã hội', 'Công chức Văn hóa - Xã hội', V, 'tham mưu UBND xã tổ chức thực hiện Kế hoạch'),
 ('=Công chức Văn hóa - Xã hội', 'Công chức Văn hóa - Xã hội', M, 'theo dõi biến động hộ nghèo, hộ cận nghèo'),
 ('Công chức Tài chính - Kế toán', 'Công chức Tài chính - Kế toán', C, 'thanh toán, quyết toán kinh phí hỗ trợ'),
 ('Kho bạc Nhà nước khu vực', 'Kho bạc Nhà nước khu vực', C, 'thanh toán, quyết toán kinh phí hỗ trợ'),
 ('Công an xã', 'Công an xã', C, 'bảo đảm an ninh, trật tự trong bình xét'),
 ('các thôn', 'Các thôn', C, 'bảo đảm an ninh, trật tự trong bình xét'),
 ('Ủy ban MTTQ Việt Nam xã', 'Ủy ban Mặt trận Tổ quốc Việt Nam xã', I, 'tuyên truyền, vận động Nhân dân'),
 ('các đoàn thể chính trị - xã hội xã', 'Các đoàn thể chính trị - xã hội xã', I, 'tuyên truyền, vận động Nhân dân'),
 ('=Ủy ban MTTQ Việt Nam xã', 'Ủy ban Mặt trận Tổ quốc Việt Nam xã', M, 'giám sát việc bình xét hộ nghèo'),
 ('=các đoàn thể chính trị - xã hội xã', 'Các đoàn thể chính trị - xã hội xã', M, 'giám sát việc bình xét hộ nghèo'),
 ('Trưởng các thôn', 'Trưởng các thôn', I, 'tổ chức họp thôn bình xét'),
 ('=Trưởng các thôn', 'Trưởng các thôn', R, 'báo cáo kết quả về UBND xã'),
], dl=[
 ('trước ngày 20/10/2024', 'before', '2024-10-20', 2024, None, 'báo cáo kết quả', ['Trưởng các thôn']),
])


def locate(text, items, what):
    cur, last, out = 0, {}, []
    for it in items:
        m = it[0]
        if m.startswith('='):
            s, e = last[m[1:]]
            out.append((it, s, e)); continue
        anchor = ''
        if '|' in m:
            anchor, m = m.split('|')
            a = text.find(anchor)
            assert a >= 0, (what, anchor)
            s = a + len(anchor)
            assert text.startswith(m, s), (what, m)
        else:
            s = text.find(m, cur)
        assert s >= 0, (what, m)
        e = s + len(m)
        last[m] = (s, e); cur = s + 1
        out.append((it, s, e))
    return out


for doc_id, ann in A.items():
    text = (D / f'{doc_id}.txt').read_text(encoding='utf-8')
    refs = [dict(text=text[s:e], start=s, end=e, page=None, doc_type=t, number=n, symbol=sy, key=k, date=d, issuer=iss, relation=rel)
            for (m, t, n, sy, k, d, iss, rel), s, e in locate(text, ann['refs'], doc_id)]
    resp = [dict(text=text[s:e], start=s, end=e, page=None, body=b, role=r, task=task)
            for (m, b, r, task), s, e in locate(text, ann['resp'], doc_id)]
    dls = [dict(text=text[s:e], start=s, end=e, page=None, kind=k, date=d, year=y, recurrence=rc, action=act, responsible=rs)
           for (m, k, d, y, rc, act, rs), s, e in locate(text, ann['dl'], doc_id)]
    for x in refs + resp + dls:
        assert text[x['start']:x['end']] == x['text']
    meta = {f: None for f in ['doc_type', 'number', 'symbol', 'issuer', 'issuer_parent', 'place', 'date', 'title', 'movement', 'period_start', 'period_end', 'signer_name', 'signer_title']}
    meta['recipients'] = []
    gold = {"schema_version": "1.0", "id": doc_id, "source": {"path": f"gold/excerpts/{doc_id}.txt", "kind": "txt"},
            "metadata": meta, "text": text, "sections": [], "legal_references": refs, "deadlines": dls,
            "responsibilities": resp, "targets": [], "warnings": [], "quality": {},
            "notes": ["Excerpt typed by the team in the style of provincial/district plans (not a real document); "
                      "metadata null and sections [] by design: only the entities are annotated (gold/excerpts/README.md)."]}
    (D / f'{doc_id}.json').write_text(json.dumps(gold, ensure_ascii=False, indent=2) + '\n', encoding='utf-8')
    print(doc_id, len(refs), len(resp), len(dls))
